"""Pages, menus and the site text in every language: a page's translation lives under its
language's prefix, menus and the site text have per-language values with English as the
fallback."""

import pytest
from django.utils import translation

from blog.models import Post
from menus.models import Menu, MenuItem, SiteText
from pages.models import Page
from tests.blog.factories import make_editor, make_post
from tests.pages.factories import make_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def about():
    original = make_page(title="About us", slug="about-us", body="<h4>Who</h4><p>Peers.</p>")
    french = make_page(
        title="Qui sommes-nous", slug="qui-sommes-nous", language="fr", translation_of=original
    )
    return original, french


def test_a_page_translation_lives_under_its_prefix_and_links_the_original(client, about):
    original, french = about
    assert french.get_absolute_url() == "/fr/qui-sommes-nous/"
    page = client.get("/fr/qui-sommes-nous/").text
    assert '<html lang="fr" dir="ltr">' in page and "Qui sommes-nous" in page
    assert f'hreflang="en" href="http://127.0.0.1:8000{original.get_absolute_url()}"' in page
    start = page.index('class="languages')
    nav = page[start : page.index("</nav>", start)]
    assert 'href="/about-us/" hreflang="en"' in nav and 'href="/ru/" hreflang="ru"' in nav
    assert client.get("/qui-sommes-nous/")["Location"] == "/fr/qui-sommes-nous/"
    assert client.get("/ru/about-us/")["Location"] == "/about-us/"
    sitemap = client.get("/sitemap-pages.xml").text
    assert 'hreflang="fr" href="http://127.0.0.1:8000/fr/qui-sommes-nous/"' in sitemap


def test_the_admin_adds_a_page_translation_under_the_parents_translation(client, about):
    original, french = about
    child = make_page(title="Our history", slug="our-history", parent=original)
    client.force_login(make_editor(is_superuser=True))
    response = client.post(
        "/admin/pages/page/", {"action": "add_translation_fr", "_selected_action": [child.pk]}
    )
    copy = Page.objects.get(language="fr", translation_of=child)
    assert response["Location"] == f"/admin/pages/page/{copy.pk}/change/"
    assert copy.parent == french and copy.status == Page.Status.DRAFT
    assert copy.get_absolute_url() == "/fr/qui-sommes-nous/our-history-fr/"
    listing = client.get("/admin/pages/page/", {"language": "fr"}).text
    assert "Translation of “Our history”" in listing


def test_menus_show_labels_and_targets_in_the_language_being_read(client, about):
    original, french = about
    header = Menu.objects.create(location=Menu.Location.HEADER)
    MenuItem.objects.create(menu=header, order=1, page=original)
    MenuItem.objects.create(
        menu=header, order=2, url="/campaigns/", label="Campaigns",
        translations={"ru": {"label": "Кампании"}},
    )  # fmt: skip
    english = client.get("/").text
    assert 'href="/about-us/"' in english and ">Campaigns</a>" in english
    assert 'href="/fr/qui-sommes-nous/"' in client.get("/fr/").text  # the French page
    russian = client.get("/ru/").text
    assert 'href="/ru/campaigns/"' in russian and ">Кампании</a>" in russian
    assert 'href="/about-us/"' in russian  # no Russian page: the original


def test_site_text_is_translated_by_staff_or_by_the_catalogue(client):
    make_post(title="News", language="ru")
    with translation.override("ru"):
        tagline = translation.gettext("International Network of People who Use Drugs")
    assert tagline != "International Network of People who Use Drugs"
    assert tagline in client.get("/ru/").text  # the built-in default, from the catalogue
    SiteText.objects.create(
        tagline="Peers everywhere", translations={"ru": {"tagline": "Равные везде"}}
    )
    assert "Равные везде" in client.get("/ru/").text
    assert "Peers everywhere" in client.get("/es/").text  # no Spanish value: the English one
    assert "Peers everywhere" in client.get("/").text
    assert Post.objects.get().language == "ru"


def test_staff_write_the_site_text_per_language_in_the_admin(client):
    client.force_login(make_editor(is_superuser=True))
    form = client.get("/admin/menus/sitetext/add/").text
    assert 'name="tagline_ru"' in form and 'name="banner_text_fr"' in form
