import time
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from blog.models import Post
from tests.blog.factories import make_post
from tests.comments.factories import make_comment

pytestmark = pytest.mark.django_db


def test_site_feed_lists_approved_comments_on_public_posts_newest_first(client, settings):
    settings.SITE_URL = "https://inpud.example"
    public = make_post(title="Public post")
    draft = make_post(status=Post.Status.DRAFT)
    scheduled = make_post(publish_at=timezone.now() + timedelta(days=1))
    older = make_comment(public, body="older", submitted_at=timezone.now() - timedelta(hours=2))
    newer = make_comment(public, body="newer", author_name="Newer Author")
    make_comment(public, body="held", status="pending")
    make_comment(public, body="junk", status="spam")
    make_comment(draft, body="on a draft")
    make_comment(scheduled, body="on a scheduled post")

    response = client.get("/comments/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert [e.summary for e in feed.entries] == ["<p>newer</p>", "<p>older</p>"]
    first = feed.entries[0]
    assert first.title == "Newer Author on “Public post”"
    assert first.author == "Newer Author"
    assert first.link == f"https://inpud.example{public.get_absolute_url()}#comment-{newer.pk}"
    assert older.pk != newer.pk


def test_post_feed_lists_that_posts_approved_comments(client):
    post, other = make_post(title="Feed post"), make_post()
    make_comment(post, body="mine")
    make_comment(post, body="held", status="pending")
    make_comment(other, body="elsewhere")
    feed = feedparser.parse(client.get(f"/comments/feed/{post.pk}/").content)
    assert feed.feed.title == "Comments on “Feed post”"
    assert [e.summary for e in feed.entries] == ["<p>mine</p>"]


def test_post_feed_of_a_non_public_or_unknown_post_is_404(client):
    draft = make_post(status=Post.Status.DRAFT)
    assert client.get(f"/comments/feed/{draft.pk}/").status_code == 404
    assert client.get("/comments/feed/424242/").status_code == 404


def test_post_page_links_its_comment_feed(client):
    post = make_post()
    assert f'href="/comments/feed/{post.pk}/"' in client.get(post.get_absolute_url()).text


def test_feeds_use_a_constant_number_of_queries(client, django_assert_max_num_queries):
    posts = [make_post() for _ in range(10)]
    for post in posts:
        for _ in range(5):
            make_comment(post)
    # The items, their posts (one query for all), and the sites framework's Site row.
    with django_assert_max_num_queries(3):
        assert len(feedparser.parse(client.get("/comments/feed/").content).entries) == 30
    with django_assert_max_num_queries(3):
        assert client.get(f"/comments/feed/{posts[0].pk}/").status_code == 200


def test_an_empty_comments_feed_is_the_same_bytes_every_time(client):
    """Django would date an empty feed "now": a new ETag every second, nothing to cache."""
    first = client.get("/fr/comments/feed/")
    time.sleep(1.1)
    second = client.get("/fr/comments/feed/")
    assert first.content == second.content
    assert "<lastBuildDate>Sat, 01 Jan 2000 00:00:00 +0000</lastBuildDate>" in first.text


def test_feed_items_link_to_the_page_of_comments_that_shows_them(client, settings):
    settings.SITE_URL = "https://inpud.example"
    settings.COMMENTS_THREADS_PER_PAGE = 1
    post, other = make_post(title="Busy"), make_post(title="Quiet")
    start = timezone.now() - timedelta(hours=1)
    make_comment(post, submitted_at=start)
    later = make_comment(post, submitted_at=start + timedelta(minutes=1))
    alone = make_comment(other, submitted_at=start + timedelta(minutes=2))
    links = {e.link for e in feedparser.parse(client.get("/comments/feed/").content).entries}
    assert f"https://inpud.example{post.get_absolute_url()}?cpage=2#comment-{later.pk}" in links
    assert f"https://inpud.example{other.get_absolute_url()}#comment-{alone.pk}" in links
    post_feed = feedparser.parse(client.get(f"/comments/feed/{post.pk}/").content)
    assert post_feed.entries[0].link.endswith(f"?cpage=2#comment-{later.pk}")
