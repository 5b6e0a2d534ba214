"""Posts in the admin: the list, the form, roles (blog.roles) and publishing actions."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from taggit.models import Tag

from blog import roles, services
from blog.admin.forms import PostAdminForm
from blog.admin.revisions import RevisionAdmin
from blog.models import Post
from core.translation_admin import TranslatableAdminMixin, copy_as_draft, translate_actions


def status_action(name, status, description, log_message, changed_message, unchanged_message):
    """A bulk action that moves the selected posts to ``status`` (Editors only)."""

    def action(modeladmin, request, queryset):
        changed, unchanged = services.set_status(
            queryset,
            status,
            request.user,
            on_change=lambda post: modeladmin.log_change(request, post, str(log_message)),
        )
        modeladmin.message_user(request, changed_message % {"count": changed})
        if unchanged:
            modeladmin.message_user(request, unchanged_message % {"count": unchanged})

    action.__name__ = name
    return admin.action(description=description, permissions=["publish"])(action)


publish = status_action(
    "publish",
    Post.Status.PUBLISHED,
    _("Publish selected posts"),
    _("Published."),
    ngettext_lazy("%(count)d post published.", "%(count)d posts published.", "count"),
    ngettext_lazy(
        "%(count)d post was already published.", "%(count)d posts were already published.", "count"
    ),
)
unpublish = status_action(
    "unpublish",
    Post.Status.DRAFT,
    _("Unpublish (back to draft)"),
    _("Unpublished (back to draft)."),
    ngettext_lazy(
        "%(count)d post moved back to draft.", "%(count)d posts moved back to draft.", "count"
    ),
    ngettext_lazy(
        "%(count)d post was already a draft.", "%(count)d posts were already drafts.", "count"
    ),
)


def copy_post(modeladmin, request, original, code):
    """A draft translation of ``original``: its text, image, categories and tags, for the
    translator to rewrite (comments stay with the post they were written on)."""
    post = copy_as_draft(
        original, code, draft_status=Post.Status.DRAFT, comment_count=0, is_sticky=False
    )
    post.categories.set(original.categories.all())
    post.tags.set(list(original.tags.all()))
    return post


@admin.register(Post)
class PostAdmin(TranslatableAdminMixin, RevisionAdmin):
    form = PostAdminForm
    list_display = [
        "title",
        "status_label",
        "publish_at",
        "author",
        "category_names",
        "language",
        "translation",
    ]
    list_filter = ["status", "language", "categories", "author", "is_sticky"]
    list_select_related = ["author", "translation_of"]
    search_fields = ["title", "excerpt", "body_text"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["categories", "author", "translation_of"]
    actions = [publish, unpublish, *translate_actions(copy_post)]
    fieldsets = [
        (None, {"fields": ["title", "slug", "author", "status", "publish_at", "is_sticky"]}),
        (_("Language"), {"fields": ["language", "translation_of"]}),
        (_("Content"), {"fields": ["excerpt", "body"]}),
        (
            _("Featured image"),
            {
                "fields": [
                    "featured_image",
                    "featured_image_alt",
                    "featured_image_credit",
                    "featured_image_credit_url",
                    "kept_featured_image",
                ]
            },
        ),
        (_("Categories and tags"), {"fields": ["categories", "tags", "new_tags", "campaign"]}),
        (_("Comments"), {"fields": ["allow_comments"]}),
    ]

    # Permissions: the model permissions first, then blog.roles for the object.

    def get_queryset(self, request):
        qs = super().get_queryset(request).prefetch_related("categories")
        if roles.can_publish(request.user):
            return qs
        return qs.filter(author__user=request.user)

    def has_publish_permission(self, request):
        return roles.can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        return roles.locked_fields(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.current_user = request.user
        form.can_add_tags = request.user.has_perm("taggit.add_tag")
        if "author" in form.base_fields:
            form.base_fields["author"].required = False
            form.base_fields["author"].help_text = _("Leave empty to sign the post yourself.")
        return form

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            # taggit's own field is a free-text box; this one offers existing tags as you type.
            return forms.ModelMultipleChoiceField(
                queryset=Tag.objects.order_by("name"),
                required=False,
                label=capfirst(db_field.verbose_name),
                help_text=_("Start typing to find existing tags."),
                widget=AutocompleteSelectMultiple(db_field, self.admin_site),
            )
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = services.author_profile_for(request.user)
        if not roles.can_publish(request.user):
            obj.status = Post.Status.DRAFT
        super().save_model(request, obj, form, change)
        if "status" in form.changed_data:
            services.record_status_change(obj, request.user)
        # Say what happens next: "added successfully" alone hides scheduling and review.
        if obj.status == Post.Status.DRAFT and not roles.can_publish(request.user):
            self.message_user(
                request, _("Saved as a draft. An editor will review and publish it."), messages.INFO
            )
        elif obj.status == Post.Status.PUBLISHED and obj.publish_at > timezone.now():
            when = date_format(timezone.localtime(obj.publish_at), "DATETIME_FORMAT")
            self.message_user(
                request,
                _("Scheduled: it will appear on the site by itself on %(when)s.") % {"when": when},
                messages.INFO,
            )

    def view_on_site(self, obj):
        # A relative link keeps the preview on the admin's own host, where staff are logged in.
        return obj.get_absolute_url()

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        if obj.status == Post.Status.PUBLISHED and obj.publish_at > timezone.now():
            return _("Scheduled")
        return obj.get_status_display()

    @admin.display(description=_("categories"))
    def category_names(self, obj):
        return ", ".join(category.name for category in obj.categories.all())
