"""With the page cache on, what staff change shows on the very next anonymous request."""

from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Post
from comments.models import Comment
from tests.blog.factories import make_editor, make_post
from tests.campaigns.factories import make_campaign, make_document
from tests.comments.factories import make_comment, make_moderator

pytestmark = pytest.mark.django_db


def cached_get(client, url):
    """GET twice: the second answer must come from the page cache."""
    first = client.get(url)
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit", url
    assert second.content == first.content
    return second


def test_a_second_anonymous_request_is_a_hit(client, page_cache):
    post = make_post(title="Naloxone saves lives")
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert "Naloxone saves lives" in cached_get(client, "/").text
    cached_get(client, post.get_absolute_url())


def test_a_published_post_shows_at_once(client, page_cache):
    draft = make_post(title="Fresh news", status=Post.Status.DRAFT)
    assert "Fresh news" not in cached_get(client, "/").text
    admin = make_editor()
    staff = client_for(admin)
    staff.post("/admin/blog/post/", {"action": "publish", "_selected_action": [draft.pk]})
    assert "Fresh news" in client.get("/").text
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_an_edited_post_shows_at_once(client, page_cache):
    post = make_post(title="Old title")
    cached_get(client, "/")
    cached_get(client, post.get_absolute_url())
    post.title = "New title"
    post.save()
    assert "New title" in client.get("/").text
    assert "New title" in client.get(post.get_absolute_url()).text


def test_an_unpublished_or_deleted_post_goes_at_once(client, page_cache):
    post = make_post(title="Going away")
    other = make_post(title="Also going")
    cached_get(client, "/")
    cached_get(client, post.get_absolute_url())
    post.status = Post.Status.DRAFT
    post.save()
    assert "Going away" not in client.get("/").text
    assert client.get(post.get_absolute_url()).status_code == 404
    other.delete()
    assert "Also going" not in client.get("/").text


def test_an_approved_or_removed_comment_shows_at_once(client, page_cache):
    post = make_post()
    comment = make_comment(post, body="A held thought", status=Comment.Status.PENDING)
    url = post.get_absolute_url()
    assert "A held thought" not in cached_get(client, url).text
    moderator = client_for(make_moderator())
    moderator.post(
        "/admin/comments/comment/?status=all",
        {"action": "approve", "_selected_action": [comment.pk]},
    )
    assert "A held thought" in client.get(url).text
    moderator.post(
        "/admin/comments/comment/?status=all",
        {"action": "remove", "_selected_action": [comment.pk]},
    )
    assert "A held thought" not in client.get(url).text


def test_a_campaign_edit_shows_at_once(client, page_cache):
    campaign = make_campaign(title="Peace now", summary="First words.")
    cached_get(client, campaign.get_absolute_url())
    cached_get(client, "/campaigns/")
    campaign.summary = "Second words."
    campaign.save()
    assert "Second words." in client.get(campaign.get_absolute_url()).text
    assert "Second words." in client.get("/campaigns/").text


def test_a_scheduled_post_appears_at_its_time(client, page_cache, monkeypatch):
    make_post(title="Already out")
    make_post(title="Comes later", publish_at=timezone.now() + timedelta(minutes=5))
    assert "Comes later" not in cached_get(client, "/").text
    later = timezone.now() + timedelta(minutes=6)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Comes later" in client.get("/").text


def test_a_document_dated_tomorrow_appears_on_its_day(client, page_cache, monkeypatch):
    campaign = make_campaign()
    first = make_document(campaign, title="Out already", order=0)
    later = make_document(
        campaign, title="Out tomorrow", order=1,
        published_on=timezone.localdate() + timedelta(days=1),
    )  # fmt: skip
    assert "Out tomorrow" not in cached_get(client, campaign.get_absolute_url()).text
    assert "Out tomorrow" not in cached_get(client, first.get_absolute_url()).text
    assert client.get(later.get_absolute_url()).status_code == 404
    tomorrow = timezone.now() + timedelta(days=1, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    assert "Out tomorrow" in client.get(campaign.get_absolute_url()).text
    assert "Out tomorrow" in client.get(first.get_absolute_url()).text  # its "next" link
    assert client.get(later.get_absolute_url()).status_code == 200


def test_staff_are_never_served_from_nor_stored_in_the_page_cache(client, page_cache):
    make_post(title="Everyone reads this")
    staff = client_for(make_editor())
    for _ in range(2):
        response = staff.get("/")
        assert "X-Page-Cache" not in response
    assert client.get("/")["X-Page-Cache"] == "miss"


def client_for(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client
