"""Staff see model and field names in the admin: every one of them is marked for translation."""

from django.apps import apps
from django.utils.functional import Promise

OUR_APPS = ("blog", "comments", "campaigns", "wordpress", "audit", "accounts")
# Lists maintained by libraries that translate the names themselves when shown.
LIBRARY_CHOICES = {("campaigns.Supporter", "country")}


def our_models():
    for label in OUR_APPS:
        yield from apps.get_app_config(label).get_models()


def test_apps_have_translatable_names():
    for label in OUR_APPS:
        assert isinstance(apps.get_app_config(label).verbose_name, Promise), label


def test_models_have_translatable_names():
    for model in our_models():
        assert isinstance(model._meta.verbose_name, Promise), model
        assert isinstance(model._meta.verbose_name_plural, Promise), model


def test_every_field_has_a_translatable_name_help_text_and_choices():
    problems = []
    for model in our_models():
        for field in model._meta.get_fields():
            if field.auto_created or not field.concrete:
                continue
            where = f"{model._meta.label}.{field.name}"
            if not isinstance(field.verbose_name, Promise):
                problems.append(f"{where}: verbose_name {field.verbose_name!r}")
            if field.help_text and not isinstance(field.help_text, Promise):
                problems.append(f"{where}: help_text")
            if (model._meta.label, field.name) in LIBRARY_CHOICES:
                continue
            for value, label in field.flatchoices or []:
                if not isinstance(label, Promise):
                    problems.append(f"{where}: choice {value!r} {label!r}")
                    break
    assert problems == []
