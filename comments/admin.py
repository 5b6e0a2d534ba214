from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from blog.models import Post
from comments.models import Comment
from comments.services import moderate
from core.params import parse_id


class StatusFilter(admin.SimpleListFilter):
    """Status, defaulting to the pending queue: that is what moderators open the list for."""

    title = _("status")
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, (self.ALL, _("All"))]

    def value(self):
        return super().value() or Comment.Status.PENDING

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        return queryset.filter(status=self.value())

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class PostFilter(admin.SimpleListFilter):
    """The most recent posts that have comments (any post works through ?post=<id>)."""

    title = _("post")
    parameter_name = "post"
    LIMIT = 50

    def lookups(self, request, model_admin):
        commented = Comment.objects.values("post_id")
        posts = Post.objects.filter(pk__in=commented).order_by("-publish_at")
        return [(str(pk), title) for pk, title in posts.values_list("pk", "title")[: self.LIMIT]]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if (post_id := parse_id(value)) is None:
            return queryset.none()
        return queryset.filter(post_id=post_id)


def moderation_action(name, status, description, message):
    """A bulk action setting the status of the selected comments, stamped with who and when."""

    def action(modeladmin, request, queryset):
        count = moderate(queryset, status, request.user)
        modeladmin.message_user(request, message % {"count": count})

    action.__name__ = name
    return admin.action(description=description, permissions=["change"])(action)


approve = moderation_action(
    "approve",
    Comment.Status.APPROVED,
    _("Approve selected comments"),
    ngettext_lazy("%(count)d comment approved.", "%(count)d comments approved.", "count"),
)
mark_spam = moderation_action(
    "mark_spam",
    Comment.Status.SPAM,
    _("Mark selected comments as spam"),
    ngettext_lazy(
        "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", "count"
    ),
)
remove = moderation_action(
    "remove",
    Comment.Status.REMOVED,
    _("Remove selected comments"),
    ngettext_lazy("%(count)d comment removed.", "%(count)d comments removed.", "count"),
)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["excerpt", "author", "post_link", "status", "submitted_at"]
    list_display_links = ["excerpt"]
    list_filter = [StatusFilter, PostFilter]
    search_fields = ["author_name", "author_email", "body", "post__title", "page__title"]
    ordering = ["-submitted_at", "-pk"]
    actions = [approve, mark_spam, remove]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = [
        "post_link",
        "parent",
        "submitted_at",
        "moderated_at",
        "moderated_by",
        "ip_hash",
        "user_agent",
    ]
    fieldsets = [
        (None, {"fields": ["post_link", "parent", "status"]}),
        (_("Comment"), {"fields": ["author_name", "author_email", "author_url", "body"]}),
        (_("Moderation"), {"fields": ["submitted_at", "moderated_at", "moderated_by"]}),
        (
            _("Sender metadata (cleared after the retention period)"),
            {"fields": ["ip_hash", "user_agent"], "classes": ["collapse"]},
        ),
    ]

    def get_queryset(self, request):
        # The post or page of every row in the same query, instead of one query per row.
        return super().get_queryset(request).select_related("post", "page")

    def has_add_permission(self, request):
        return False  # comments come from readers (and the WordPress import), not from here

    @admin.display(description=_("comment"))
    def excerpt(self, obj):
        return Truncator(" ".join(obj.body.split())).chars(90)

    @admin.display(description=_("author"), ordering="author_name")
    def author(self, obj):
        return format_html("{}<br><small>{}</small>", obj.author_name, obj.author_email)

    @admin.display(description=_("post or page"))
    def post_link(self, obj):
        """The post or page the comment is on."""
        return format_html('<a href="{}">{}</a>', obj.item.get_absolute_url(), obj.item)

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.moderated_at = timezone.now()
            obj.moderated_by = request.user
        super().save_model(request, obj, form, change)
