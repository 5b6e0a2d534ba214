from html.parser import HTMLParser

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin
from reversion.models import Version
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from blog import kept_image
from blog.models import Author, Category, Post
from blog.navigation import CategoryTree
from blog.revisions import diff_lines
from blog.services import MISSING_PROFILE, author_profile_for, can_make_author_profile


def can_publish(user):
    """Editors (and superusers): publish, and edit everyone's posts."""
    return user.has_perm("blog.publish_post")


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["display_name", "slug", "user", "post_count"]
    search_fields = ["display_name", "slug"]
    prepopulated_fields = {"slug": ["display_name"]}
    list_select_related = ["user"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(post_count=Count("posts"))

    @admin.display(description=_("posts"), ordering="post_count")
    def post_count(self, obj):
        return obj.post_count

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            # Only staff accounts write posts; this keeps reader accounts out of the list.
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def category_tree():
    """{pk: (position, depth)} for all categories in tree order, from one query."""
    tree = CategoryTree(list(Category.objects.all()))
    return {
        category.pk: (position, depth) for position, (category, depth) in enumerate(tree.walk())
    }


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return "— " * getattr(obj, "tree_depth", 0) + obj.name


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["indented_name", "slug", "parent"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def _tree(self, request):
        # Several admin hooks ask during one request; read the tree once.
        if not hasattr(request, "_category_tree"):
            request._category_tree = category_tree()
        return request._category_tree

    @staticmethod
    def _by_pk(tree, index, default):
        return Case(
            *[When(pk=pk, then=Value(values[index])) for pk, values in tree.items()],
            default=Value(default),
            output_field=IntegerField(),
        )

    def get_ordering(self, request):
        tree = self._tree(request)
        return [self._by_pk(tree, 0, len(tree))] if tree else ["name"]

    def get_queryset(self, request):
        tree = self._tree(request)
        depth = self._by_pk(tree, 1, 0) if tree else Value(0)
        return super().get_queryset(request).annotate(tree_depth=depth)

    @admin.display(description=_("name"), ordering="name")
    def indented_name(self, obj):
        return "— " * obj.tree_depth + obj.name

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            return CategoryChoiceField(
                queryset=self.get_queryset(request),
                required=False,
                label=capfirst(db_field.verbose_name),
                help_text=db_field.help_text,
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class _ImagesWithoutAlt(HTMLParser):
    """Counts <img> tags with no alt attribute (alt="" marks a decorative image: fine)."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def handle_starttag(self, tag, attrs):
        if tag == "img" and "alt" not in dict(attrs):
            self.count += 1


def images_without_alt(html):
    parser = _ImagesWithoutAlt()
    parser.feed(html or "")
    parser.close()
    return parser.count


def _split_tag_names(value):
    return [name.strip() for name in (value or "").split(",") if name.strip()]


class PostAdminForm(forms.ModelForm):
    new_tags = forms.CharField(
        label=_("Add tags by name"),
        required=False,
        max_length=500,
        help_text=_("Separate tags with commas, e.g. naloxone, harm reduction."),
    )
    featured_image_credit_url = forms.URLField(
        label=_("Image credit link"), required=False, assume_scheme="https"
    )
    # The featured image uploaded with a submission that failed (see blog/kept_image.py).
    kept_featured_image = forms.CharField(
        label=_("featured image"), required=False, widget=forms.HiddenInput
    )
    # Set per request by PostAdmin.get_form.
    current_user = None
    can_add_tags = False

    class Meta:
        model = Post
        fields = [
            "title",
            "slug",
            "author",
            "status",
            "publish_at",
            "is_sticky",
            "excerpt",
            "body",
            "featured_image",
            "featured_image_alt",
            "featured_image_credit",
            "featured_image_credit_url",
            "categories",
            "tags",
            "campaign",
            "allow_comments",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound and "featured_image" in self.fields:
            self._keep_featured_image()

    def _keep_featured_image(self):
        key, token_key = self.add_prefix("featured_image"), self.add_prefix("kept_featured_image")
        if self.data.get(f"{key}-clear"):
            return  # "Clear" ticked: the editor wants no image (or chose one too, an error)
        upload = self.files.get(key)
        if upload:
            kept = kept_image.store(upload, self.instance, "featured_image")
        else:
            kept = kept_image.unsign(self.data.get(token_key), self.instance, "featured_image")
        if not kept:
            return
        # From here on the stored file is the field's current value, as if it had been
        # saved before: the widget shows it ("Currently: …") and the field returns it.
        files = self.files.copy()
        files.pop(key, None)
        self.files = files
        data = self.data.copy()
        data[token_key] = kept_image.sign(kept.name)
        self.data = data
        self.initial["featured_image"] = kept

    def clean_body(self):
        # CKEditor inserts an uploaded image without a description; screen readers would
        # read out its file name. Checked here, not in the model, so imports still load.
        body = self.cleaned_data.get("body")
        missing = images_without_alt(body)
        if missing:
            raise ValidationError(
                ngettext(
                    "%(count)d image in the body has no description for people who cannot "
                    "see it. Click the image, then the “Change image text alternative” "
                    "button in the small toolbar that appears, and describe it.",
                    "%(count)d images in the body have no description for people who cannot "
                    "see them. Click each image, then the “Change image text alternative” "
                    "button in the small toolbar that appears, and describe it.",
                    missing,
                ),
                code="body_image_alt",
                params={"count": missing},
            )
        return body

    def clean_new_tags(self):
        names = _split_tag_names(self.cleaned_data.get("new_tags"))
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise ValidationError(_("A tag can be at most 100 characters long."))
        if names and not self.can_add_tags:
            matches = Q()
            for name in names:  # tags are case-insensitive (TAGGIT_CASE_INSENSITIVE)
                matches |= Q(name__iexact=name)
            existing = Tag.objects.filter(matches).values_list("name", flat=True)
            known = {name.casefold() for name in existing}
            unknown = [name for name in names if name.casefold() not in known]
            if unknown:
                raise ValidationError(
                    _("You can only use existing tags. Unknown: %(names)s"),
                    params={"names": ", ".join(unknown)},
                )
        return names

    def clean(self):
        cleaned = super().clean()
        has_author = self.instance.author_id or cleaned.get("author")
        if not has_author and not can_make_author_profile(self.current_user):
            raise ValidationError(MISSING_PROFILE)
        return cleaned

    def _save_m2m(self):
        super()._save_m2m()
        if self.cleaned_data.get("new_tags"):
            self.instance.tags.add(*self.cleaned_data["new_tags"])


@admin.register(Post)
class PostAdmin(VersionAdmin):
    form = PostAdminForm
    list_display = ["title", "status_label", "publish_at", "author", "category_names"]
    list_filter = ["status", "categories", "author", "is_sticky"]
    list_select_related = ["author"]
    search_fields = ["title", "excerpt", "body_text"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["categories", "author"]
    actions = ["publish", "unpublish"]
    object_history_template = "admin/blog/post/object_history.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "author", "status", "publish_at", "is_sticky"]}),
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

    # Permissions: Authors see and change only their own drafts; Editors everything.

    def get_queryset(self, request):
        qs = super().get_queryset(request).prefetch_related("categories")
        if can_publish(request.user):
            return qs
        return qs.filter(author__user=request.user)

    def _is_own(self, request, obj):
        return obj.author.user_id == request.user.pk

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if not allowed or obj is None or can_publish(request.user):
            return allowed
        return self._is_own(request, obj)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None or can_publish(request.user):
            return allowed
        return self._is_own(request, obj) and obj.status == Post.Status.DRAFT

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if not allowed or obj is None or can_publish(request.user):
            return allowed
        return self._is_own(request, obj) and obj.status == Post.Status.DRAFT

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        if can_publish(request.user):
            return []
        return ["author", "status", "is_sticky"]

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
            obj.author = author_profile_for(request.user)
        if not can_publish(request.user):
            obj.status = Post.Status.DRAFT
        super().save_model(request, obj, form, change)
        # Say what happens next: "added successfully" alone hides scheduling and review.
        if obj.status == Post.Status.DRAFT and not can_publish(request.user):
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

    # List columns

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        if obj.status == Post.Status.PUBLISHED and obj.publish_at > timezone.now():
            return _("Scheduled")
        return obj.get_status_display()

    @admin.display(description=_("categories"))
    def category_names(self, obj):
        return ", ".join(category.name for category in obj.categories.all())

    # Bulk actions: one revision per post, so restoring one post never touches the others.

    def _set_status(self, request, queryset, status, message):
        changed = 0
        for post in queryset.exclude(status=status).select_related("author"):
            post.status = status
            with reversion.create_revision():
                reversion.set_user(request.user)
                post.save()
                self.log_change(request, post, str(message))
            changed += 1
        return changed, queryset.count() - changed

    @admin.action(description=_("Publish selected posts"), permissions=["publish"])
    def publish(self, request, queryset):
        changed, skipped = self._set_status(
            request, queryset, Post.Status.PUBLISHED, _("Published.")
        )
        self.message_user(
            request,
            ngettext("%(count)d post published.", "%(count)d posts published.", changed)
            % {"count": changed},
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d post was already published.",
                    "%(count)d posts were already published.",
                    skipped,
                )
                % {"count": skipped},
            )

    @admin.action(description=_("Unpublish (back to draft)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        changed, skipped = self._set_status(
            request, queryset, Post.Status.DRAFT, _("Unpublished (back to draft).")
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d post moved back to draft.",
                "%(count)d posts moved back to draft.",
                changed,
            )
            % {"count": changed},
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d post was already a draft.",
                    "%(count)d posts were already drafts.",
                    skipped,
                )
                % {"count": skipped},
            )

    # Revisions

    def changelist_view(self, request, extra_context=None):
        # VersionAdmin wraps the whole list in one revision; the actions make their own.
        # reversion's list template shows "Recover deleted posts" with this; Editors only.
        context = {"has_change_permission": can_publish(request.user)}
        context.update(extra_context or {})
        return admin.ModelAdmin.changelist_view(self, request, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        post = self.get_object(request, unquote(object_id))
        if post is None or not self.has_change_permission(request, post):
            raise PermissionDenied
        if not can_publish(request.user):
            # Restoring writes the old version before the form is shown or saved, so an
            # Author may only go back to versions that were their own drafts.
            version = get_object_or_404(Version.objects.get_for_object(post), pk=version_id)
            old = version.field_dict
            if old.get("status") != Post.Status.DRAFT or old.get("author_id") != post.author_id:
                raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/<int:version_id>/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="blog_post_compare",
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
        fields = [("title", _("Title")), ("excerpt", _("Excerpt")), ("body", _("Body"))]
        diffs = [
            (label, diff_lines(old.get(name, ""), getattr(post, name))) for name, label in fields
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare revision with the current post"),
            "opts": self.opts,
            "original": post,
            "object_id": object_id,
            "version": version,
            "diffs": diffs,
            "has_changes": any(kind != "same" for _label, lines in diffs for kind, _line in lines),
        }
        return TemplateResponse(request, "admin/blog/post/compare.html", context)


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(TaggitTagAdmin):
    """taggit's admin, except that merging tags needs the right to change tags.

    taggit offers its "merge" action and view to anyone who can open the tag list; Authors
    may look at tags (for autocomplete) but must not rewrite everyone's tagging.
    """

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_change_permission(request):
            actions.pop("render_tag_form", None)
        return actions

    def merge_tags_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        return super().merge_tags_view(request)
