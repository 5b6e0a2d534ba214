"""Posts in four languages: each language's lists, feeds, archives, sitemaps and search show
its own posts, items link their translations, and staff add translations from the admin."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from blog.models import Post
from tests.blog.factories import make_category, make_editor, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    category = make_category(name="Regional Information", slug="regional-information")
    original = make_post(
        title="Peer naloxone in prisons",
        slug="peer-naloxone",
        categories=[category],
        tags=["naloxone"],
        body="<p>Naloxone saves lives.</p>",
    )
    russian = make_post(
        title="Налоксон в тюрьмах",
        slug="nalokson",
        language="ru",
        translation_of=original,
        categories=[category],
        tags=["naloxone"],
        body="<p>Налоксон спасает жизни. Наркотиков больше.</p>",
        publish_at=original.publish_at,
    )
    english_only = make_post(title="Only in English", slug="only-english", tags=["naloxone"])
    return original, russian, english_only


def test_a_translation_lives_under_its_language_prefix(client, pair):
    original, russian, _ = pair
    assert not original.get_absolute_url().startswith("/ru/")
    assert russian.get_absolute_url().startswith("/ru/20")
    page = client.get(russian.get_absolute_url())
    assert page.status_code == 200
    assert '<html lang="ru" dir="ltr">' in page.text
    assert "Налоксон в тюрьмах" in page.text


def test_a_post_asked_for_under_another_prefix_redirects_to_its_address(client, pair):
    original, russian, _ = pair
    wrong = "/ru" + original.get_absolute_url()
    response = client.get(wrong)
    assert response.status_code == 301
    assert response["Location"] == original.get_absolute_url()
    wrong = russian.get_absolute_url().replace("/ru/", "/es/", 1)
    assert client.get(wrong)["Location"] == russian.get_absolute_url()


def test_lists_show_only_their_language(client, pair):
    _original, _russian, _ = pair
    english = client.get("/").text
    russian = client.get("/ru/").text
    assert "Peer naloxone in prisons" in english and "Налоксон в тюрьмах" not in english
    assert "Налоксон в тюрьмах" in russian
    assert "Only in English" not in russian and "Peer naloxone" not in russian
    for url in ("/ru/tag/naloxone/", "/ru/category/regional-information/"):
        html = client.get(url).text
        assert "Налоксон в тюрьмах" in html and "Only in English" not in html, url
    year = _original.publish_at.year
    assert "Only in English" not in client.get(f"/ru/{year}/").text


def test_feeds_and_the_sitemap_are_per_language(client, pair):
    original, russian, _ = pair
    feed = client.get("/ru/feed/").text
    assert "Налоксон в тюрьмах" in feed and "Only in English" not in feed
    assert "Only in English" in client.get("/feed/").text
    sitemap = client.get("/sitemap-posts.xml").text
    assert f"<loc>http://127.0.0.1:8000{russian.get_absolute_url()}</loc>" in sitemap
    assert (
        f'<xhtml:link rel="alternate" hreflang="ru" href="http://127.0.0.1:8000'
        f'{russian.get_absolute_url()}"/>'
    ) in sitemap
    assert f'hreflang="x-default" href="http://127.0.0.1:8000{original.get_absolute_url()}"' in (
        sitemap
    )


def test_an_item_links_its_translations_and_the_home_page_of_the_others(client, pair):
    original, russian, _ = pair
    html = client.get(original.get_absolute_url()).text
    assert (
        f'<link rel="alternate" hreflang="ru" href="http://127.0.0.1:8000{russian.get_absolute_url()}">'
        in html
    )
    assert 'hreflang="es" href="http' not in html  # no Spanish version to announce
    assert (
        f'<link rel="alternate" hreflang="x-default" href="http://127.0.0.1:8000{original.get_absolute_url()}">'
        in html
    )
    start = html.index('class="languages')
    nav = html[start : html.index("</nav>", start)]
    assert f'href="{russian.get_absolute_url()}" hreflang="ru"' in nav
    assert 'href="/es/" hreflang="es"' in nav  # Spanish home: no translation


def test_the_post_page_still_makes_two_queries_warm(client, pair, django_assert_max_num_queries):
    _, russian, _ = pair
    client.get(russian.get_absolute_url())
    with django_assert_max_num_queries(2):
        assert client.get(russian.get_absolute_url()).status_code == 200


def test_search_stems_each_language_and_ignores_accents(client):
    make_post(
        title="Доклад", slug="doklad", language="ru", body="<p>Политика в отношении наркотиков.</p>"
    )
    make_post(
        title="Informe",
        slug="informe",
        language="es",
        body="<p>La reducción de daños funciona.</p>",
    )
    make_post(title="Rapport", slug="rapport", language="fr", body="<p>Les réseaux de pairs.</p>")
    make_post(title="Report", slug="report", body="<p>Peer naïve reduction treatments.</p>")
    assert "Доклад" in client.get("/ru/search/", {"q": "наркотики"}).text
    assert "Informe" in client.get("/es/search/", {"q": "reduccion"}).text
    assert "Rapport" in client.get("/fr/search/", {"q": "reseau"}).text
    english = client.get("/search/", {"q": "naive treatment"}).text
    assert "Report" in english
    assert "Informe" not in client.get("/search/", {"q": "reduccion"}).text  # not in English


def test_staff_add_a_translation_from_the_admin(client, pair):
    original, _russian, english_only = pair
    client.force_login(make_editor())
    response = client.post(
        "/admin/blog/post/",
        {"action": "add_translation_es", "_selected_action": [english_only.pk]},
    )
    copy = Post.objects.get(language="es")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/blog/post/{copy.pk}/change/"
    assert copy.translation_of == english_only
    assert copy.status == Post.Status.DRAFT
    assert copy.slug == "only-english-es" and copy.title == "Only in English"
    assert list(copy.tags.names()) == ["naloxone"]
    # A Russian translation exists already: adding another changes nothing.
    client.post(
        "/admin/blog/post/", {"action": "add_translation_ru", "_selected_action": [original.pk]}
    )
    assert Post.objects.filter(language="ru").count() == 1


def test_the_admin_filters_by_language_and_marks_stale_translations(client, pair):
    original, russian, _ = pair
    Post.objects.filter(pk=russian.pk).update(updated_at=timezone.now() - timedelta(days=3))
    client.force_login(make_editor())
    listing = client.get("/admin/blog/post/", {"language": "ru"}).text
    assert "Налоксон в тюрьмах" in listing and "Only in English" not in listing
    assert "may be out of date" in listing
    original.save()
    Post.objects.filter(pk=russian.pk).update(updated_at=timezone.now() + timedelta(minutes=1))
    assert "may be out of date" not in client.get("/admin/blog/post/", {"language": "ru"}).text


def test_categories_and_tags_show_their_names_in_each_language(client, pair):
    from taggit.models import Tag

    from blog.models import Category, TagTranslation

    Category.objects.filter(slug="regional-information").update(
        translations={"ru": {"name": "Регионы", "description": "Новости регионов."}}
    )
    TagTranslation.objects.create(
        tag=Tag.objects.get(slug="naloxone"), language="ru", name="налоксон"
    )
    _, russian, _ = pair
    html = client.get(russian.get_absolute_url()).text
    assert ">Регионы</a>" in html and 'rel="tag">налоксон</a>' in html
    category = client.get("/ru/category/regional-information/").text
    assert "<h1>Регионы</h1>" in category and "Новости регионов." in category
    assert "<h1>налоксон</h1>" in client.get("/ru/tag/naloxone/").text
    # Spanish has no translation: the English names.
    assert ">Regional Information</a>" in client.get("/es/category/regional-information/").text
    assert "налоксон" in client.get("/ru/feed/").text


def test_staff_write_category_names_per_language_in_the_admin(client):
    from blog.models import Category

    client.force_login(make_editor())
    form = client.get("/admin/blog/category/add/").text
    assert 'name="name_ru"' in form and 'name="description_fr"' in form
    response = client.post(
        "/admin/blog/category/add/",
        {
            **{"name": "Prisons", "slug": "prisons", "description": "", "parent": ""},
            **{"name_fr": "Prisons (FR)", "description_fr": "En prison."},
            **{"name_ru": "", "description_ru": "", "name_es": "Cárceles", "description_es": ""},
        },
    )
    assert response.status_code == 302
    assert Category.objects.get(slug="prisons").translations == {
        "es": {"name": "Cárceles"},
        "fr": {"name": "Prisons (FR)", "description": "En prison."},
    }


def test_a_translation_must_point_at_an_original_in_another_language(client, pair):
    original, russian, _ = pair
    client.force_login(make_editor())
    change = client.get(f"/admin/blog/post/{russian.pk}/change/")
    assert change.status_code == 200
    with pytest.raises(ValidationError) as error:
        make_post(title="Copy", language="en", translation_of=original).full_clean()
    assert "translation_of" in error.value.message_dict
    with pytest.raises(ValidationError):
        make_post(title="Again", language="es", translation_of=russian).full_clean()
