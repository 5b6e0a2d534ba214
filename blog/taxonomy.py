"""Authors, categories (names and descriptions per language) and tag translations.

Imported by blog.models, where the rest of the blog's models are.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from blog.tree import CategoryTree
from core.translatable import language_choices


class Author(models.Model):
    """The public face of a staff account: login usernames never appear in public."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="author_profile",
        verbose_name=_("user account"),
    )
    display_name = models.CharField(
        _("display name"), max_length=100, help_text=_("The name readers see on posts.")
    )
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("Used in /author/<slug>/.")
    )
    bio = models.TextField(_("short bio"), blank=True, max_length=1000)

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("blog:author-detail", kwargs={"slug": self.slug})


class Category(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent category"),
        help_text=_("Leave empty for a top-level category, e.g. Regional Information."),
    )
    # {"ru": {"name": "…", "description": "…"}, …}: English (name, description) is the fallback.
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:category-detail", kwargs={"slug": self.slug})

    def _translated(self, field):
        value = (self.translations or {}).get(translation.get_language(), {}).get(field)
        return value or getattr(self, field)

    @property
    def local_name(self):
        """The name in the language being shown, or the English one."""
        return self._translated("name")

    @property
    def local_description(self):
        return self._translated("description")

    def clean(self):
        """A category may not sit inside itself or inside one of its own descendants."""
        if self.parent_id is None or self.pk is None:
            return
        parents = dict(Category.objects.values_list("pk", "parent_id"))
        seen, current = set(), self.parent_id
        while current is not None and current not in seen:
            if current == self.pk:
                raise ValidationError(
                    {
                        "parent": _(
                            "A category cannot be placed inside itself or inside one of its "
                            "own subcategories."
                        )
                    },
                    code="category_cycle",
                )
            seen.add(current)
            current = parents.get(current)

    def descendant_ids(self):
        """Ids of this category and everything below it, in one query for the whole tree."""
        return CategoryTree(list(Category.objects.all())).descendant_ids(self)


class TagTranslation(models.Model):
    """A tag's name in another language (English, taggit's own name, is the fallback)."""

    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="translations", verbose_name=_("tag")
    )
    language = models.CharField(_("language"), max_length=10, choices=language_choices())
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("tag translation")
        verbose_name_plural = _("tag translations")
        constraints = [
            models.UniqueConstraint(fields=["tag", "language"], name="tag_translation_unique")
        ]

    def __str__(self):
        return self.name


def tags_in_language(queryset=None):
    """Tags with ``local_name``, their name in the language being shown (or None), read in
    the same query (for a tag's own page and feed)."""
    names = TagTranslation.objects.filter(
        tag=models.OuterRef("pk"), language=translation.get_language()
    ).values("name")[:1]
    return (queryset if queryset is not None else Tag.objects.all()).annotate(
        local_name=models.Subquery(names)
    )


def name_tags(posts):
    """Give the prefetched tags of ``posts`` their ``local_name`` in the language being shown:
    one query for all of them, none in English (the tags' own names)."""
    code = translation.get_language()
    if code == settings.LANGUAGE_CODE:
        return posts
    tags = [tag for post in posts for tag in post.tags.all()]
    names = dict(
        TagTranslation.objects.filter(tag__in={t.pk for t in tags}, language=code).values_list(
            "tag_id", "name"
        )
    )
    for tag in tags:
        tag.local_name = names.get(tag.pk)
    return posts
