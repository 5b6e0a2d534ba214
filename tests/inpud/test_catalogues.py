"""The Russian, Spanish and French catalogues are complete, and compiled without gettext.

English is the language of the source strings (it needs no catalogue). `make messages`
extracts the strings again (GNU gettext, a developer's tool); this test then fails until
every new message is translated.
"""

import re

import polib
import pytest
from django.conf import settings
from django.utils import translation

from core.catalogues import LOCALE_DIR, compile_catalogues

TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def catalogue(code):
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(code):
    po = catalogue(code)
    assert len(po) > 600
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_plural_forms_and_placeholders_match_the_source(code):
    po = catalogue(code)
    forms = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    problems = []
    for entry in po.translated_entries():
        wanted = {m for m in PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or ""))}
        if entry.msgid_plural:
            if sorted(entry.msgstr_plural) != list(range(forms)):
                problems.append(("plural forms", entry.msgid))
            texts = entry.msgstr_plural.values()
        else:
            texts = [entry.msgstr]
        for text in texts:
            found = set(PLACEHOLDER.findall(text))
            # A singular may leave out the count ("Одна запись"), never add a placeholder.
            if not found <= wanted or (not entry.msgid_plural and found != wanted):
                problems.append(("placeholders", entry.msgid, text))
    assert problems == []


def test_the_compiled_catalogues_are_what_django_reads(tmp_path):
    for path in (LOCALE_DIR).glob("*/LC_MESSAGES/django.po"):
        (tmp_path / path.relative_to(LOCALE_DIR)).parent.mkdir(parents=True)
        (tmp_path / path.relative_to(LOCALE_DIR)).write_bytes(path.read_bytes())
    written = compile_catalogues(tmp_path)
    assert sorted(p.parent.parent.name for p in written) == sorted(TRANSLATED)
    assert compile_catalogues(tmp_path) == []  # only stale ones are written again
    for code in TRANSLATED:
        fresh = tmp_path / code / "LC_MESSAGES" / "django.mo"
        used = LOCALE_DIR / code / "LC_MESSAGES" / "django.mo"
        assert used.read_bytes() == fresh.read_bytes(), code
    with translation.override("ru"):
        assert translation.gettext("Latest news") == "Последние новости"
    with translation.override("es"):
        assert translation.gettext("Latest news") == "Últimas noticias"
    with translation.override("fr"):
        assert translation.gettext("Latest news") == "Dernières actualités"
