"""What every blog page shares: landmarks, navigation, search form, sidebar, feed links."""

from datetime import datetime

import pytest
from django.utils import timezone

from blog.models import Post
from tests.blog.factories import make_category, make_post

pytestmark = pytest.mark.django_db


def at(*parts):
    return timezone.make_aware(datetime(*parts))


def test_page_has_landmarks_skip_link_and_one_h1(client):
    make_post()
    text = client.get("/").text
    assert '<a class="skip-link" href="#main">Skip to content</a>' in text
    assert '<main id="main"' in text
    for landmark in ("<header", '<nav class="site-nav" aria-label="Main">', "<aside", "<footer"):
        assert landmark in text
    assert text.count("<h1") == 1
    assert 'lang="en"' in text


def test_header_has_a_labelled_get_search_form(client):
    text = client.get("/").text
    assert (
        '<form class="site-search" action="/search/" method="get" role="search" '
        'aria-label="Search the site">'
    ) in text
    assert '<label class="visually-hidden" for="site-search">Search the site</label>' in text
    assert '<input type="search" id="site-search" name="q"' in text


def test_navigation_links_news_campaigns_and_search(client):
    text = client.get("/").text
    nav = text[text.index('class="site-nav"') : text.index("</nav>")]
    assert 'href="/" aria-current="page"' in nav
    assert 'href="/campaigns/"' in nav
    assert 'href="/search/"' in nav


def test_head_and_sidebar_link_to_the_site_feeds(client):
    text = client.get("/").text
    assert '<link rel="alternate" type="application/rss+xml"' in text
    assert 'href="/feed/"' in text
    assert 'href="/feed/atom/"' in text


def test_sidebar_shows_the_category_tree_nested(client):
    regional = make_category(name="Regional Information", slug="regional-information")
    europe = make_category(name="Europe", slug="europe", parent=regional)
    make_category(name="Eastern European Countries", slug="eastern", parent=europe)
    text = client.get("/").text
    tree = text[text.index('<ul class="category-tree">') :]
    regional_at = tree.index(">Regional Information</a>")
    europe_at = tree.index(">Europe</a>")
    eastern_at = tree.index(">Eastern European Countries</a>")
    assert regional_at < europe_at < eastern_at
    # Each level opens its own nested list.
    assert tree[regional_at:europe_at].count('<ul class="category-tree">') == 1
    assert tree[europe_at:eastern_at].count('<ul class="category-tree">') == 1


def test_sidebar_counts_public_posts_per_month(client):
    make_post(publish_at=at(2015, 1, 8))
    make_post(publish_at=at(2015, 1, 17))
    make_post(publish_at=at(2015, 1, 20), status=Post.Status.DRAFT)
    make_post(publish_at=at(2014, 11, 12))
    text = client.get("/").text
    assert '<a href="/2015/01/">January 2015</a> <span class="count">2 posts</span>' in text
    assert '<a href="/2014/11/">November 2014</a> <span class="count">1 post</span>' in text


def test_sidebar_links_years_beyond_the_recent_months(client):
    for month in range(1, 13):
        make_post(publish_at=at(2015, month, 1, 12))
    make_post(publish_at=at(2013, 6, 1, 12))
    text = client.get("/").text
    assert 'href="/2015/12/"' in text
    assert 'href="/2013/06/"' not in text
    assert '<a href="/2013/">2013</a>' in text
