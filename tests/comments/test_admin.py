from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from tests.blog.factories import make_post, make_user
from tests.comments.factories import make_comment, make_moderator

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/comments/comment/"


@pytest.fixture
def moderator_client(client):
    moderator = make_moderator(username="mod", email="mod@example.org")
    client.force_login(moderator)
    client.moderator = moderator
    return client


def test_changelist_opens_on_the_pending_queue(moderator_client):
    post = make_post(title="Queue post")
    make_comment(post, body="waiting for a moderator", status=Comment.Status.PENDING)
    make_comment(post, body="already approved")
    make_comment(post, body="spammy spam", status=Comment.Status.SPAM)
    page = moderator_client.get(CHANGELIST).text
    assert "waiting for a moderator" in page
    assert "already approved" not in page
    assert "spammy spam" not in page
    everything = moderator_client.get(CHANGELIST + "?status=all").text
    for body in ("waiting for a moderator", "already approved", "spammy spam"):
        assert body in everything
    spam = moderator_client.get(CHANGELIST + "?status=spam").text
    assert "spammy spam" in spam
    assert "waiting for a moderator" not in spam


def test_changelist_columns(moderator_client):
    post = make_post(title="Columns post")
    make_comment(
        post,
        author_name="Column Author",
        author_email="column@example.org",
        body="word " * 60,
        status=Comment.Status.PENDING,
    )
    page = moderator_client.get(CHANGELIST).text
    assert f'<a href="{post.get_absolute_url()}">Columns post</a>' in page
    assert "Column Author" in page
    assert "column@example.org" in page  # emails are for staff eyes only
    assert "word word" in page
    assert "word " * 60 not in page  # an excerpt, not the whole text
    assert "Pending" in page
    for header in ("Comment", "Author", "Post or page", "Status", "Submitted"):
        assert f">{header}</a>" in page or f">{header}</span>" in page


def test_filter_by_post(moderator_client):
    one, two = make_post(title="First post"), make_post(title="Second post")
    make_comment(one, body="about the first", status=Comment.Status.PENDING)
    make_comment(two, body="about the second", status=Comment.Status.PENDING)
    page = moderator_client.get(CHANGELIST + f"?post={one.pk}").text
    assert "about the first" in page
    assert "about the second" not in page
    assert f"?post={two.pk}" in page  # the sidebar offers the other post
    assert moderator_client.get(CHANGELIST + "?post=nonsense").status_code == 200


def test_search_by_name_email_text_and_post_title(moderator_client):
    post = make_post(title="Searchable title")
    make_comment(
        post,
        author_name="Zed",
        author_email="zed@example.org",
        body="needle",
        status="pending",
    )
    make_comment(make_post(title="Other"), author_name="Amy", body="hay", status="pending")
    for term in ("Zed", "zed@example.org", "needle", "Searchable"):
        page = moderator_client.get(CHANGELIST, {"q": term}).text
        assert "needle" in page
        assert ">hay<" not in page


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", "approved"), ("mark_spam", "spam"), ("remove", "removed")],
)
def test_bulk_actions_set_status_and_stamp_moderation(moderator_client, action, status):
    post = make_post()
    picked = [make_comment(post, status="pending") for _ in range(2)]
    untouched = make_comment(post, status="pending")
    response = moderator_client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [c.pk for c in picked]},
        follow=True,
    )
    assert response.status_code == 200
    assert "2 comments" in response.text
    for comment in picked:
        comment.refresh_from_db()
        assert comment.status == status
        assert comment.moderated_by == moderator_client.moderator
        assert timezone.now() - comment.moderated_at < timedelta(minutes=1)
    untouched.refresh_from_db()
    assert (untouched.status, untouched.moderated_at) == ("pending", None)


def test_approving_and_removing_update_public_pages_at_once(moderator_client, client):
    post = make_post()
    comment = make_comment(post, body="Visible after approval", status="pending")
    url = post.get_absolute_url()
    moderator_client.post(CHANGELIST, {"action": "approve", "_selected_action": [comment.pk]})
    moderator_client.logout()
    assert "Visible after approval" in client.get(url).text
    assert "1 Comment<" in client.get("/").text
    moderator = make_moderator()
    client.force_login(moderator)
    client.post(CHANGELIST + "?status=all", {"action": "remove", "_selected_action": [comment.pk]})
    client.logout()
    assert "Visible after approval" not in client.get(url).text
    assert "Leave a comment<" in client.get("/").text


def test_editing_the_status_in_the_change_form_stamps_moderation(moderator_client):
    post = make_post()
    comment = make_comment(post, status="pending", body="edit me", ip_hash="f" * 64)
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    page = moderator_client.get(url).text
    assert "f" * 64 in page  # metadata is visible to staff (and cleared after retention)
    response = moderator_client.post(
        url,
        {
            "status": "approved",
            "author_name": comment.author_name,
            "author_email": comment.author_email,
            "author_url": "",
            "body": "edit me",
        },
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == "approved"
    assert comment.moderated_by == moderator_client.moderator


def test_staff_cannot_add_comments_by_hand(moderator_client):
    assert moderator_client.get("/admin/comments/comment/add/").status_code == 403


def test_staff_without_the_permission_cannot_moderate(client):
    client.force_login(make_user(is_staff=True))
    assert client.get(CHANGELIST).status_code == 403


def test_admin_index_shows_the_pending_count(moderator_client):
    post = make_post()
    for _ in range(3):
        make_comment(post, status="pending")
    make_comment(post, status="approved")
    page = moderator_client.get("/admin/").text
    assert "3 comments are awaiting moderation" in page
    assert f'href="{CHANGELIST}"' in page
    Comment.objects.update(status="approved")
    assert "awaiting moderation" not in moderator_client.get("/admin/").text


def test_admin_index_hides_the_count_from_staff_without_the_permission(client):
    make_comment(make_post(), status="pending")
    client.force_login(make_user(is_staff=True))
    assert "awaiting moderation" not in client.get("/admin/").text


def test_changelist_queries_do_not_grow_with_rows(moderator_client, django_assert_max_num_queries):
    for _ in range(5):
        post = make_post()
        for _ in range(20):
            make_comment(post, status="pending")
    with django_assert_max_num_queries(14):
        response = moderator_client.get(CHANGELIST)
    assert response.status_code == 200
    assert response.text.count('class="action-select"') == 100
