"""Post history in the admin (django-reversion): compare, restore, recover deleted posts."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from blog import roles
from blog.revisions import diff_lines

COMPARED_FIELDS = [("title", _("Title")), ("excerpt", _("Excerpt")), ("body", _("Body"))]


class RevisionAdmin(VersionAdmin):
    """VersionAdmin that asks role rules (``rules``) about each object, with a "Compare with
    current" page."""

    object_history_template = "admin/blog/post/object_history.html"
    # The role rules to ask (blog.roles for posts; pages.roles has the same functions).
    rules = roles

    # The model permissions first, then the role rules for the object.

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or self.rules.can_view(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or self.rules.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or self.rules.can_delete(request.user, obj))

    def changelist_view(self, request, extra_context=None):
        # VersionAdmin wraps the whole list in one revision; the actions make their own.
        # reversion's list template shows "Recover deleted posts" with this; Editors only.
        context = {"has_change_permission": self.rules.can_recover_deleted(request.user)}
        context.update(extra_context or {})
        return admin.ModelAdmin.changelist_view(self, request, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        post = self.get_object(request, unquote(object_id))
        if post is None or not self.has_change_permission(request, post):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(post), pk=version_id)
        if not self.rules.can_restore(request.user, post, version.field_dict):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.rules.can_recover_deleted(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.rules.can_recover_deleted(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/<int:version_id>/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def compare_view(self, request, object_id, version_id):
        """Line diff of title, excerpt and body between a revision and the current post."""
        post = self.get_object(request, unquote(object_id))
        if post is None:
            raise Http404
        if not self.has_view_permission(request, post):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_for_object(post).select_related("revision__user"), pk=version_id
        )
        old = version.field_dict
        diffs = [
            (label, diff_lines(old.get(name, ""), getattr(post, name)))
            for name, label in COMPARED_FIELDS
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare revision with the current version"),
            "opts": self.opts,
            "original": post,
            "object_id": object_id,
            "version": version,
            "diffs": diffs,
            "has_changes": any(kind != "same" for _label, lines in diffs for kind, _line in lines),
        }
        return TemplateResponse(request, "admin/blog/post/compare.html", context)
