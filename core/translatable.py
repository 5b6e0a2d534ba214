"""Content in one of the site's languages, linked to its translations.

Posts, campaigns, campaign documents and pages inherit ``Translatable``: a ``language`` and
``translation_of``, the original this item translates (null for an original). A translation
group is the original and every item pointing at it; ``group_q()`` finds it in one query.
A translation "may be out of date" when its original was saved after it.
"""

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef
from django.db.models.functions import Coalesce, JSONObject
from django.urls import reverse
from django.utils import translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _


def language_choices():
    return [(code, name) for code, name in settings.LANGUAGES]


class Translatable(models.Model):
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=language_choices(),
        default=settings.LANGUAGE_CODE,
        db_index=True,
        help_text=_("The language this is written in; it is listed on that language's pages."),
    )
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        verbose_name=_("translation of"),
        help_text=_("The original this is a translation of. Empty for an original."),
    )

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        """A translation points at an original in another language (never at a translation,
        so a group is one original and its translations)."""
        super().clean_fields(exclude)
        original = self.translation_of if self.translation_of_id else None
        if original is None or "translation_of" in (exclude or ()):
            return
        if original.translation_of_id or original.pk == self.pk:
            message = _("Choose the original, not another translation.")
        elif original.language == self.language:
            message = _("The original is in the same language: choose another language.")
        else:
            return
        raise ValidationError({"translation_of": message})

    @property
    def original_id(self):
        return self.translation_of_id or self.pk

    def group_q(self):
        """The translation group: the original and all its translations."""
        root = self.original_id
        return models.Q(pk=root) | models.Q(translation_of_id=root)

    def out_of_date(self, original_updated_at):
        """True when this is a translation whose original was saved after it."""
        return bool(
            self.translation_of_id
            and original_updated_at
            and self.updated_at
            and original_updated_at > self.updated_at
        )

    def reverse_in_language(self, name, **kwargs):
        """This item's address: always under its own language's prefix."""
        with translation.override(self.language):
            return reverse(name, kwargs=kwargs)


def copy_for_translation(original, language, *, slug=None, **changes):
    """An unsaved copy of ``original`` in ``language``, linked to the group's original."""
    copy = type(original).objects.get(pk=original.pk)
    copy.pk = copy.id = None
    copy._state.adding = True
    copy.language = language
    copy.translation_of_id = original.original_id
    if slug is not None:
        copy.slug = slug
    for field, value in changes.items():
        setattr(copy, field, value)
    return copy


def with_translations(queryset, visible, **fields):
    """``queryset`` annotated with ``translation_rows``: [{"language": …, **fields}] for each
    item of its translation group in ``visible`` (itself included), in the same query. The
    page's language links then cost nothing more."""
    root = Coalesce(OuterRef("translation_of_id"), OuterRef("pk"))
    rows = (
        visible.filter(models.Q(pk=root) | models.Q(translation_of_id=root))
        .order_by()
        .values(row=JSONObject(language="language", **fields))
    )
    return queryset.annotate(translation_rows=ArraySubquery(rows.values("row")))


def translated_versions(item, datetime_fields=()):
    """The unsaved items ``with_translations`` described (enough to build their addresses),
    or just ``item`` when it was not loaded that way."""
    rows = getattr(item, "translation_rows", None)
    if rows is None:
        return [item]
    versions = []
    for row in rows:
        values = dict(row)
        for name in datetime_fields:
            values[name] = parse_datetime(values[name])
        versions.append(type(item)(**values))
    return versions
