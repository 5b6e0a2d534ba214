"""Moderating a page's comment shows on the page at once with the page cache on."""

import pytest

from comments.models import Comment
from tests.comments.factories import make_comment, make_moderator
from tests.pagecache.test_invalidation import cached_get, client_for
from tests.pages.factories import make_page

pytestmark = pytest.mark.django_db


def test_approving_or_removing_a_page_comment_shows_at_once(client, page_cache):
    page = make_page(allow_comments=True)
    comment = make_comment(page, body="A held page thought", status=Comment.Status.PENDING)
    url = page.get_absolute_url()
    assert "A held page thought" not in cached_get(client, url).text
    moderator = client_for(make_moderator())
    moderator.post(
        "/admin/comments/comment/?status=all",
        {"action": "approve", "_selected_action": [comment.pk]},
    )
    assert "A held page thought" in client.get(url).text
    cached_get(client, url)
    moderator.post(
        "/admin/comments/comment/?status=all",
        {"action": "remove", "_selected_action": [comment.pk]},
    )
    assert "A held page thought" not in client.get(url).text


def test_switching_comments_on_shows_the_form_at_once(client, page_cache):
    page = make_page()
    assert 'name="body"' not in cached_get(client, page.get_absolute_url()).text
    page.allow_comments = True
    page.save()
    assert 'name="body"' in client.get(page.get_absolute_url()).text
