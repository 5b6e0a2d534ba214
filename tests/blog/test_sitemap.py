"""/sitemap.xml and /robots.txt."""

from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from blog.models import Post
from blog.sitemaps import PostSitemap
from tests.blog.factories import make_author, make_category, make_post

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://inpud.example"


def fetch_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def sitemap_locations(client):
    """The sitemap pages that /sitemap.xml lists."""
    index = fetch_xml(client, "/sitemap.xml")
    return [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]


def sitemap_entries(client):
    """{location: lastmod} of every URL on every page the index lists."""
    entries = {}
    for location in sitemap_locations(client):
        assert location.startswith("https://inpud.example/sitemap-")
        root = fetch_xml(client, location.removeprefix("https://inpud.example"))
        for url in root.findall("sm:url", NS):
            entries[url.findtext("sm:loc", namespaces=NS)] = url.findtext(
                "sm:lastmod", namespaces=NS
            )
    return entries


def test_sitemap_index_lists_a_page_per_section(client):
    assert sitemap_locations(client) == [
        "https://inpud.example/sitemap-posts.xml",
        "https://inpud.example/sitemap-categories.xml",
        "https://inpud.example/sitemap-tags.xml",
        "https://inpud.example/sitemap-authors.xml",
        "https://inpud.example/sitemap-pages.xml",
    ]


def test_long_sections_are_split_into_numbered_pages(client, monkeypatch):
    monkeypatch.setattr(PostSitemap, "limit", 2)
    author = make_author()
    for _ in range(5):
        make_post(author=author)
    locations = sitemap_locations(client)
    assert "https://inpud.example/sitemap-posts.xml?p=3" in locations
    assert "https://inpud.example/sitemap-posts.xml?p=4" not in locations
    assert len([url for url in sitemap_entries(client) if "/author/" not in url]) == 5
    assert client.get("/sitemap-posts.xml?p=4").status_code == 404


def test_unknown_sitemap_section_is_404(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemap_lists_public_posts_with_lastmod_and_absolute_urls(client):
    post = make_post(slug="out-now")
    entries = sitemap_entries(client)
    url = f"https://inpud.example{post.get_absolute_url()}"
    assert url in entries
    post.refresh_from_db()
    assert entries[url] == max(post.updated_at, post.publish_at).date().isoformat()


def test_sitemap_leaves_out_drafts_and_scheduled_posts(client):
    make_post(slug="secret-draft", status=Post.Status.DRAFT)
    make_post(slug="not-yet", publish_at=timezone.now() + timedelta(days=1))
    locations = "".join(sitemap_entries(client))
    assert "secret-draft" not in locations
    assert "not-yet" not in locations


def test_sitemap_lists_categories(client):
    make_category(slug="women")
    assert "https://inpud.example/category/women/" in sitemap_entries(client)


def test_sitemap_lists_only_tags_and_authors_with_public_posts(client):
    public_author = make_author(slug="writes-in-public")
    quiet_author = make_author(slug="only-drafts")
    make_post(author=public_author, tags=["naloxone"])
    make_post(author=quiet_author, tags=["embargoed"], status=Post.Status.DRAFT)
    entries = sitemap_entries(client)
    assert "https://inpud.example/tag/naloxone/" in entries
    assert "https://inpud.example/author/writes-in-public/" in entries
    assert "https://inpud.example/tag/embargoed/" not in entries
    assert "https://inpud.example/author/only-drafts/" not in entries


def test_robots_txt_allows_all_but_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: https://inpud.example/sitemap.xml" in lines


def test_a_sitemap_page_shows_a_change_on_the_next_request(client):
    """The body of a sitemap page is kept until the content changes (pagecache.fragments)."""
    kept = make_post(title="Kept", slug="kept")
    assert any("/kept/" in url for url in sitemap_entries(client))
    make_post(title="New", slug="brand-new")
    kept.status = Post.Status.DRAFT
    kept.save()
    urls = sitemap_entries(client)
    assert any("/brand-new/" in url for url in urls)
    assert not any("/kept/" in url for url in urls)
    response = client.get("/sitemap-posts.xml")
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
