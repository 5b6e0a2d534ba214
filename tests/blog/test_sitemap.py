"""/sitemap.xml and /robots.txt."""

from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from blog.models import Post
from tests.blog.factories import make_author, make_category, make_post

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://inpud.example"


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in root.findall("sm:url", NS)
    }


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
