"""Categories (shown as a tree), tags (merging needs the right to change tags) and authors."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, IntegerField, Value, When
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from blog.models import Author, Category, TagTranslation
from blog.tree import CategoryTree
from core.translation_admin import TranslationsFormMixin, translated


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


def tree_positions():
    """{pk: (position, depth)} for all categories in tree order, from one query."""
    tree = CategoryTree(list(Category.objects.all()))
    return {
        category.pk: (position, depth) for position, (category, depth) in enumerate(tree.walk())
    }


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return "— " * getattr(obj, "tree_depth", 0) + obj.name


@translated("name", "description", long=("description",))
class CategoryForm(TranslationsFormMixin, forms.ModelForm):
    """The English name and description, and one pair per other language (stored in
    Category.translations; empty means "use the English one")."""

    class Meta:
        model = Category
        fields = ["name", "slug", "description", "parent"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    form = CategoryForm
    list_display = ["indented_name", "slug", "parent"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def _tree(self, request):
        # Several admin hooks ask during one request; read the tree once.
        if not hasattr(request, "_category_tree"):
            request._category_tree = tree_positions()
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


admin.site.unregister(Tag)


class TagTranslationInline(admin.TabularInline):
    model = TagTranslation
    extra = 0
    fields = ["language", "name"]


@admin.register(Tag)
class TagAdmin(TaggitTagAdmin):
    """taggit's admin with the tag's names in other languages, except that merging tags
    needs the right to change tags.

    taggit offers its "merge" action and view to anyone who can open the tag list; Authors
    may look at tags (for autocomplete) but must not rewrite everyone's tagging.
    """

    inlines = [*TaggitTagAdmin.inlines, TagTranslationInline]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_change_permission(request):
            actions.pop("render_tag_form", None)
        return actions

    def merge_tags_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        return super().merge_tags_view(request)
