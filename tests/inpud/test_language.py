"""Pages are in one language, say which, and carry it in their address (no cookie, no Vary)."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation

from tests.blog.factories import make_post

pytestmark = pytest.mark.django_db


def test_the_site_speaks_english_russian_spanish_and_french():
    assert [code for code, _ in settings.LANGUAGES] == ["en", "ru", "es", "fr"]
    assert settings.LANGUAGE_CODE == "en"
    with translation.override("ru"):
        assert str(dict(settings.LANGUAGES)["es"]) != "Spanish"  # names in the reader's language


def test_english_keeps_its_addresses_and_the_others_have_a_prefix(client):
    make_post(title="Peer news")
    home = client.get("/")
    assert home.status_code == 200
    assert '<html lang="en" dir="ltr">' in home.text
    for code in ("ru", "es", "fr"):
        page = client.get(f"/{code}/")
        assert page.status_code == 200
        assert f'<html lang="{code}" dir="ltr">' in page.text
        assert page["Content-Language"] == code
    assert client.get("/de/").status_code == 404


def test_the_browser_language_never_changes_an_address(client):
    """Accept-Language picks nothing on public pages: / is English for everyone."""
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert " de 20" not in html  # a Spanish date: "17 de enero de 2015"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert not response.cookies
    assert "Accept-Language" not in response.get("Vary", "")


def test_every_page_links_its_versions_in_the_other_languages(client):
    html = client.get("/").text
    start = html.index('class="languages')
    nav = html[start : html.index("</nav>", start)]
    for code, href in (("en", "/"), ("ru", "/ru/"), ("es", "/es/"), ("fr", "/fr/")):
        assert f'href="{href}" hreflang="{code}" lang="{code}"' in nav
    assert 'lang="ru">Русский</a>' in nav and 'lang="es">español</a>' in nav
    assert '<link rel="alternate" hreflang="x-default" href="http://' in html


def test_a_page_in_a_right_to_left_language_says_so(client):
    rtl = [*settings.LANGUAGES, ("ar", "Arabic")]
    with override_settings(LANGUAGES=rtl):
        html = client.get("/ar/").text
    assert '<html lang="ar" dir="rtl">' in html


def test_the_english_home_page_offers_other_languages_the_same_way_to_everyone(client):
    plain = client.get("/").content
    russian_browser = client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9").content
    assert plain == russian_browser  # one cached copy, whatever the browser says
    html = plain.decode()
    offer = html[html.index('id="language-offer"') :]
    assert '<div class="language-offer" id="language-offer" hidden>' in html  # shown by the script
    assert 'data-language="ru"' in offer and 'href="/ru/"' in offer
    assert '<script src="/static/js/language-offer.js" defer></script>' in html
    assert "language-offer" not in client.get("/ru/").text
