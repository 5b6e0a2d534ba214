"""The admin side of translations, shared by posts, campaigns and pages.

- a "Language" list filter and a "Translation" column: "Original", "Translation of …" or
  "Translation of …: may be out of date" (its original was saved after it), read through
  ``translation_of`` selected with the list (no query per row);
- one "Add translation: <language>" action per language, copying each selected original
  (as a draft, with "-<code>" after its slug) for the translator to work on.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.translatable import copy_for_translation


def translation_status(obj):
    original = obj.translation_of if obj.translation_of_id else None
    if original is None:
        return _("Original")
    if obj.out_of_date(original.updated_at):
        return format_html(
            "{} <strong>{}</strong>",
            _("Translation of “%(title)s”:") % {"title": original},
            _("may be out of date"),
        )
    return _("Translation of “%(title)s”") % {"title": original}


def free_slug(model, slug, code, max_length, **scope):
    """``<slug>-<code>``, or ``<slug>-<code>-2``… when taken (within ``scope``)."""
    base = f"{slug}-{code}"[:max_length]
    candidate, n = base, 1
    while model.objects.filter(slug=candidate, **scope).exists():
        n += 1
        candidate = f"{base[: max_length - len(str(n)) - 1]}-{n}"
    return candidate


def translate_action(code, name, copy):
    """The bulk action adding a ``code`` translation of each selected original.

    ``copy(modeladmin, request, original, code)`` saves and returns the new translation.
    """

    def action(modeladmin, request, queryset):
        made, skipped = [], 0
        for obj in queryset.select_related("translation_of"):
            original = obj.translation_of or obj
            group = type(obj).objects.filter(original.group_q())
            if group.filter(language=code).exists():
                skipped += 1
                continue
            with transaction.atomic():
                made.append(copy(modeladmin, request, original, code))
                modeladmin.log_addition(request, made[-1], str(_("Added as a translation.")))
        if skipped:
            modeladmin.message_user(
                request,
                ngettext(
                    "%(count)d already had this translation.",
                    "%(count)d already had this translation.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
        if len(made) == 1:
            opts = made[0]._meta
            return redirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[made[0].pk])
            )
        if made:
            modeladmin.message_user(
                request,
                ngettext(
                    "%(count)d translation added as a draft.",
                    "%(count)d translations added as drafts.",
                    len(made),
                )
                % {"count": len(made)},
            )
        return None

    action.__name__ = f"add_translation_{code}"
    description = lazy(lambda: _("Add translation: %(language)s") % {"language": name}, str)()
    return admin.action(description=description, permissions=["add"])(action)


def translate_actions(copy):
    return [translate_action(code, name, copy) for code, name in settings.LANGUAGES]


def copy_as_draft(original, code, *, draft_status, **changes):
    """A saved copy of ``original`` in ``code``, a draft with a free slug."""
    model = type(original)
    slug = free_slug(model, original.slug, code, model._meta.get_field("slug").max_length)
    copy = copy_for_translation(original, code, slug=slug, status=draft_status, **changes)
    copy.save()
    return copy


class TranslatableAdminMixin:
    """The language column and filter helpers, and a form where the language may be left
    out (it is then the site's default language, as before languages existed)."""

    @admin.display(description=_("translation"))
    def translation(self, obj):
        return translation_status(obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if "language" in form.base_fields:
            form.base_fields["language"].required = False
        return form

    def save_model(self, request, obj, form, change):
        if not obj.language:
            obj.language = settings.LANGUAGE_CODE
        super().save_model(request, obj, form, change)


def other_languages():
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translated(*names, long=()):
    """Class decorator for a model form: one field per other language for each of ``names``
    (declared on the class, so the admin shows them), stored in the model's
    ``translations`` JSON ({"ru": {"name": "…"}}). Empty values are left out, so the English
    one is used."""

    def decorate(form_class):
        model = form_class._meta.model
        added = {}
        for code, language in other_languages():
            for name in names:
                model_field = model._meta.get_field(name)
                added[f"{name}_{code}"] = forms.CharField(
                    label=format_lazy("{} ({})", capfirst(model_field.verbose_name), language),
                    max_length=model_field.max_length,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}) if name in long else None,
                )
        form_class.declared_fields = {**form_class.declared_fields, **added}
        form_class.base_fields = {**form_class.base_fields, **added}
        form_class.translated_fields = names
        return form_class

    return decorate


class TranslationsFormMixin:
    """With ``@translated(...)``: reads and writes the per-language fields."""

    translated_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.instance.translations or {}
        for code, _language in other_languages():
            for name in self.translated_fields:
                self.initial.setdefault(f"{name}_{code}", stored.get(code, {}).get(name, ""))

    def save(self, commit=True):
        translations = {}
        for code, _language in other_languages():
            values = {
                name: (self.cleaned_data.get(f"{name}_{code}") or "").strip()
                for name in self.translated_fields
            }
            if any(values.values()):
                translations[code] = {k: v for k, v in values.items() if v}
        self.instance.translations = translations
        return super().save(commit)
