"""Pages are in one language, and say which: never English text marked lang="es"."""

import pytest
from django.conf import settings

from tests.blog.factories import make_post

pytestmark = pytest.mark.django_db


def test_only_languages_the_site_is_translated_into_are_offered():
    assert [code for code, _ in settings.LANGUAGES] == [settings.LANGUAGE_CODE] == ["en"]


def test_a_browser_asking_for_spanish_gets_a_whole_english_page_marked_english(client):
    """Without a Spanish catalogue, Django's own Spanish dates and errors would be mixed
    into English text, and the page would claim lang="es"."""
    make_post(title="Peer news")
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<html lang="en">' in html
    assert "Latest news" in html
    assert " de 20" not in html  # a Spanish date: "17 de enero de 2015"
