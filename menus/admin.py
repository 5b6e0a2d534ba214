"""Menus (ordered items, the header nesting one level) and the site text record."""

from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from menus.build import link_of
from menus.models import Menu, MenuItem, SiteLink, SiteText


class MenuItemInline(admin.TabularInline):
    model = MenuItem
    fk_name = "menu"
    extra = 3
    fields = ["order", "label", "page", "post", "category", "campaign", "url", "parent", "shown"]
    readonly_fields = ["shown"]
    autocomplete_fields = ["page", "post", "category", "campaign"]

    @admin.display(description=_("shown to readers"))
    def shown(self, item):
        if item.pk is None:
            return ""
        if link_of(item) is None:
            return _("No: its page, post or campaign was deleted or is a draft")
        return _("Yes")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            menu_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = MenuItem.objects.filter(menu_id=menu_id, parent=None)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Menu)
class MenuAdmin(admin.ModelAdmin):
    list_display = ["__str__", "item_count", "hidden_count"]
    inlines = [MenuItemInline]

    @admin.display(description=_("items"))
    def item_count(self, menu):
        return menu.items.count()

    @admin.display(description=_("hidden (deleted or draft target)"))
    def hidden_count(self, menu):
        items = menu.items.select_related("page", "post", "category", "campaign")
        return sum(1 for item in items if link_of(item) is None)


class SiteLinkInline(admin.TabularInline):
    model = SiteLink
    extra = 2
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(SiteText)
class SiteTextAdmin(admin.ModelAdmin):
    inlines = [SiteLinkInline]
    fieldsets = [
        (None, {"fields": ["tagline", "description", "about"]}),
        (
            _("Home page banner"),
            {
                "fields": [
                    "banner_heading",
                    "banner_text",
                    "banner_button_label",
                    "banner_button_url",
                ]
            },
        ),  # fmt: skip
        (_("Footer"), {"fields": ["footer_text", "footer_motto", "contact_email"]}),
        (_("Sharing"), {"fields": ["share_image"]}),
    ]

    def has_add_permission(self, request):
        return not SiteText.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """One record: the list opens it (or the form to write it the first time)."""
        if SiteText.objects.exists():
            return redirect("admin:menus_sitetext_change", 1)
        return redirect("admin:menus_sitetext_add")
