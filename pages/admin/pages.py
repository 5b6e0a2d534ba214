from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blog.admin.revisions import RevisionAdmin
from core.translation_admin import TranslatableAdminMixin, copy_as_draft, translate_actions
from pages import roles
from pages.models import Page


def copy_page(modeladmin, request, original, code):
    """A draft translation of the page, under the parent's translation in that language when
    there is one (else under the same parent), for the translator."""
    parent = original.parent
    if parent is not None:
        parent = Page.objects.filter(parent.group_q(), language=code).first() or parent
    return copy_as_draft(
        original, code, draft_status=Page.Status.DRAFT, parent=parent, owner=request.user
    )


@admin.register(Page)
class PageAdmin(TranslatableAdminMixin, RevisionAdmin):
    rules = roles
    list_display = [
        "indented_title",
        "address",
        "status_label",
        "order",
        "updated_at",
        "language",
        "translation",
    ]
    list_filter = ["status", "language", "show_in_sitemap", "show_contact_form", "allow_comments"]
    list_select_related = ["translation_of"]
    actions = translate_actions(copy_page)
    search_fields = ["title", "path", "body_text"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parent", "translation_of"]
    ordering = ["path"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "order", "status", "publish_at", "owner"]}),
        (_("Language"), {"fields": ["language", "translation_of"]}),
        (_("Content"), {"fields": ["excerpt", "body"]}),
        (_("Featured image"), {"fields": ["featured_image", "featured_image_alt"]}),
        (
            _("Search engines, the contact form and comments"),
            {
                "fields": [
                    "seo_description",
                    "show_in_sitemap",
                    "show_contact_form",
                    "allow_comments",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if roles.can_publish(request.user):
            return qs
        return qs.filter(owner=request.user)

    def get_readonly_fields(self, request, obj=None):
        return roles.locked_fields(request.user)

    def get_search_results(self, request, queryset, search_term):
        # The parent picker (autocomplete) offers every page to Editors and Authors alike.
        if request.path.endswith("/autocomplete/"):
            queryset = Page.objects.all()
        return super().get_search_results(request, queryset, search_term)

    def save_model(self, request, obj, form, change):
        if obj.owner_id is None and not change:
            obj.owner = request.user
        if not roles.can_publish(request.user):
            obj.status = Page.Status.DRAFT
        super().save_model(request, obj, form, change)
        if obj.status == Page.Status.DRAFT and not roles.can_publish(request.user):
            self.message_user(
                request, _("Saved as a draft. An editor will review and publish it."), messages.INFO
            )

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    @admin.display(description=_("title"), ordering="path")
    def indented_title(self, page):
        return "— " * page.path.count("/") + page.title

    @admin.display(description=_("address"), ordering="path")
    def address(self, page):
        return page.get_absolute_url()

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, page):
        if page.status == Page.Status.PUBLISHED and page.publish_at > timezone.now():
            return _("Scheduled")
        return page.get_status_display()
