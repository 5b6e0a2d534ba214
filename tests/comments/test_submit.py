import hashlib
import hmac
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from comments.models import Comment
from tests.blog.factories import make_post, make_user
from tests.comments.factories import form_data, make_comment, make_moderator

pytestmark = pytest.mark.django_db


def submit_url(post):
    return reverse("comments:post-comment", args=[post.pk])


def test_valid_comment_is_held_and_reader_is_redirected_with_a_message(client):
    post = make_post(title="Harm reduction works")
    response = client.post(submit_url(post), form_data(body="Well said."), follow=True)
    assert response.redirect_chain == [(f"/comments/post/{post.pk}/sent/", 302)]
    assert "Thank you for your comment" in response.text
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.post == post
    assert (comment.author_name, comment.author_email, comment.body) == (
        "Ana Reader",
        "ana@example.org",
        "Well said.",
    )
    # Held comments are not public yet.
    assert "Well said." not in response.text


def test_ip_is_stored_only_as_a_salted_hash(client, settings):
    post = make_post()
    client.post(submit_url(post), form_data(), REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="UA/1")
    comment = Comment.objects.get()
    expected = hmac.new(settings.IP_HASH_SALT.encode(), b"203.0.113.9", hashlib.sha256).hexdigest()
    assert comment.ip_hash == expected
    assert comment.user_agent == "UA/1"
    values = Comment.objects.values_list().get()
    assert not any("203.0.113.9" in str(value) for value in values)


def test_user_agent_is_truncated(client):
    post = make_post()
    client.post(submit_url(post), form_data(), HTTP_USER_AGENT="x" * 1000)
    assert len(Comment.objects.get().user_agent) == 200


def test_forwarded_for_is_ignored_unless_trusted(client, settings):
    post = make_post()
    headers = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.7"}
    client.post(submit_url(post), form_data(body="one"), **headers)
    settings.TRUST_X_FORWARDED_FOR = True
    client.post(submit_url(post), form_data(body="two"), **headers)
    first, second = Comment.objects.order_by("pk")
    salt = settings.IP_HASH_SALT.encode()
    assert first.ip_hash == hmac.new(salt, b"10.0.0.1", hashlib.sha256).hexdigest()
    # Behind our proxy, the address it appended (the last one) is the client's.
    assert second.ip_hash == hmac.new(salt, b"198.51.100.7", hashlib.sha256).hexdigest()


def test_invalid_comment_rerenders_the_post_page_with_errors_and_typed_text(client):
    post = make_post(title="The post itself")
    data = form_data(email="not-an-email", body="I typed all of this.")
    response = client.post(submit_url(post), data)
    assert response.status_code == 400
    assert "<h1>The post itself</h1>" in response.text
    assert 'id="id_email_error"' in response.text
    assert 'aria-describedby="id_email_helptext id_email_error"' in response.text
    assert "I typed all of this.</textarea>" in response.text
    assert 'value="Ana Reader"' in response.text
    assert 'value="not-an-email"' in response.text
    assert not Comment.objects.exists()


def test_missing_fields_are_form_errors(client):
    post = make_post()
    response = client.post(submit_url(post), {})
    assert response.status_code == 400
    for field in ("name", "email", "body"):
        assert f'id="id_{field}_error"' in response.text
    assert 'id="id_website_error"' not in response.text
    assert not Comment.objects.exists()


def test_get_is_not_allowed(client):
    post = make_post()
    assert client.get(submit_url(post)).status_code == 405


def test_draft_and_scheduled_posts_take_no_comments(client):
    draft = make_post(status=Post.Status.DRAFT)
    scheduled = make_post(publish_at=timezone.now() + timedelta(days=2))
    assert client.post(submit_url(draft), form_data()).status_code == 404
    assert client.post(submit_url(scheduled), form_data()).status_code == 404
    assert not Comment.objects.exists()


def test_unknown_post_is_404(client):
    assert client.post("/comments/post/987654/", form_data()).status_code == 404
    assert client.post("/comments/post/99999999999999999999999/", form_data()).status_code == 404
    assert not Comment.objects.exists()


def test_comments_closed_by_the_post_flag(client):
    post = make_post(allow_comments=False)
    page = client.get(post.get_absolute_url())
    assert "Comments are closed." in page.text
    assert 'name="body"' not in page.text
    response = client.post(submit_url(post), form_data(body="Keep my words"))
    assert response.status_code == 403
    assert "Comments are closed" in response.text
    assert "Keep my words" in response.text
    assert not Comment.objects.exists()


def test_comments_close_after_the_configured_days(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 14
    old = make_post(publish_at=timezone.now() - timedelta(days=15))
    recent = make_post(publish_at=timezone.now() - timedelta(days=13))
    assert client.post(submit_url(old), form_data()).status_code == 403
    assert "Comments are closed." in client.get(old.get_absolute_url()).text
    assert client.post(submit_url(recent), form_data()).status_code == 302
    settings.COMMENTS_CLOSE_AFTER_DAYS = 0  # never close
    assert client.post(submit_url(old), form_data(body="now open")).status_code == 302
    assert Comment.objects.count() == 2


def test_closed_posts_still_show_their_approved_comments(client):
    post = make_post(allow_comments=False)
    make_comment(post, body="An older thought")
    page = client.get(post.get_absolute_url())
    assert "An older thought" in page.text
    assert "replytocom" not in page.text


# Moderation rules


def test_a_known_address_is_held_like_any_other(client):
    """An address proves nothing: typing someone's address must not publish as them."""
    post = make_post()
    make_comment(make_post(), author_email="Ana@Example.org", status=Comment.Status.APPROVED)
    response = client.post(submit_url(post), form_data(body="Back again"), follow=True)
    assert Comment.objects.get(body="Back again").status == Comment.Status.PENDING
    assert response.redirect_chain == [(f"/comments/post/{post.pk}/sent/", 302)]
    assert "Thank you for your comment" in response.text
    assert "Back again" not in client.get(post.get_absolute_url()).text


def test_author_with_only_held_or_spam_comments_is_held(client):
    post = make_post()
    make_comment(post, author_email="ana@example.org", status=Comment.Status.PENDING)
    make_comment(post, author_email="ana@example.org", status=Comment.Status.SPAM)
    client.post(submit_url(post), form_data(body="Third try"))
    assert Comment.objects.get(body="Third try").status == Comment.Status.PENDING


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("body", "cheap pills here"),
        ("name", "Pills Seller"),
        ("email", "seller@pills.example"),
        ("website", "https://pills.example/"),
    ],
)
def test_spam_words_send_a_comment_to_spam_silently(client, settings, field, value):
    settings.COMMENTS_SPAM_WORDS = ["pills"]
    post = make_post()
    make_moderator(email="mod@example.org")
    response = client.post(submit_url(post), form_data(**{field: value}), follow=True)
    assert "Thank you for your comment" in response.text
    assert Comment.objects.get().status == Comment.Status.SPAM
    assert mail.outbox == []


def test_spam_words_match_the_sender_ip_without_storing_it(client, settings):
    settings.COMMENTS_SPAM_WORDS = ["192.0.2.66"]
    post = make_post()
    client.post(submit_url(post), form_data(), REMOTE_ADDR="192.0.2.66")
    client.post(submit_url(post), form_data(body="other"), REMOTE_ADDR="192.0.2.67")
    assert list(Comment.objects.order_by("pk").values_list("status", flat=True)) == [
        Comment.Status.SPAM,
        Comment.Status.PENDING,
    ]


def test_filled_honeypot_goes_to_spam_silently(client, django_capture_on_commit_callbacks):
    post = make_post()
    make_moderator(email="mod@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            submit_url(post), form_data(leave_empty="http://bot.example"), follow=True
        )
    assert "Thank you for your comment" in response.text
    assert Comment.objects.get().status == Comment.Status.SPAM
    assert mail.outbox == []


def test_honeypot_field_is_hidden_from_people_and_screen_readers(client):
    post = make_post()
    page = client.get(post.get_absolute_url()).text
    assert '<div class="comment-hp" aria-hidden="true">' in page
    assert 'name="leave_empty" tabindex="-1" autocomplete="off"' in page


def test_rate_limit_sixth_comment_gets_429_and_nothing_is_stored(client, settings):
    settings.COMMENTS_RATE_LIMIT = 5
    settings.COMMENTS_RATE_WINDOW_SECONDS = 600
    post = make_post()
    for n in range(5):
        assert client.post(submit_url(post), form_data(body=f"note {n}")).status_code == 302
    response = client.post(submit_url(post), form_data(body="the sixth"))
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "Too many comments in a short time" in response.text
    assert "the sixth" in response.text  # handed back so the reader can keep it
    assert Comment.objects.count() == 5
    # Someone else (another address) is not affected.
    other = client.post(submit_url(post), form_data(body="hi"), REMOTE_ADDR="198.51.100.1")
    assert other.status_code == 302


def test_rate_limit_counts_spam_and_forgets_after_the_window(client, settings):
    settings.COMMENTS_RATE_LIMIT = 2
    post = make_post()
    client.post(submit_url(post), form_data(body="bot 1", leave_empty="x"))
    client.post(submit_url(post), form_data(body="bot 2", leave_empty="x"))
    assert client.post(submit_url(post), form_data(body="bot 3")).status_code == 429
    Comment.objects.update(submitted_at=timezone.now() - timedelta(minutes=11))
    assert client.post(submit_url(post), form_data(body="later")).status_code == 302


def test_same_comment_twice_is_refused(client):
    post = make_post()
    assert client.post(submit_url(post), form_data(body="Hello  there")).status_code == 302
    response = client.post(submit_url(post), form_data(body="Hello there", name="Other"))
    assert response.status_code == 409
    assert "You already said that" in response.text
    assert "Hello there</textarea>" in response.text
    assert Comment.objects.count() == 1
    # Same words on another post, or as a reply, are a different comment.
    assert client.post(submit_url(make_post()), form_data(body="Hello there")).status_code == 302


# Moderator emails


def test_moderators_are_emailed_after_commit(client, django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "https://inpud.example"
    post = make_post(title="A post to discuss")
    direct = make_moderator(email="direct@example.org")
    group = Group.objects.create(name="Moderators")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="comments", codename="change_comment")
    )
    via_group = make_user(is_staff=True, email="group@example.org")
    via_group.groups.add(group)
    make_user(is_staff=True, is_superuser=True, email="super@example.org")
    make_user(is_staff=True, email="staff-no-perm@example.org")
    not_staff = make_user(email="not-staff@example.org")
    not_staff.groups.add(group)
    make_moderator(email="gone@example.org", is_active=False)

    with django_capture_on_commit_callbacks() as callbacks:
        client.post(submit_url(post), form_data(name="Ana", body="Line one\nLine two"))
        assert mail.outbox == []  # nothing is sent before the transaction commits
    for callback in callbacks:
        callback()

    comment = Comment.objects.get()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "direct@example.org",
        "group@example.org",
        "super@example.org",
    ]
    assert all(len(m.to) == 1 for m in mail.outbox)
    message = mail.outbox[0]
    assert "A post to discuss" in message.subject
    assert "A post to discuss" in message.body
    assert "Author: Ana" in message.body
    assert "Line one\nLine two" in message.body
    assert f"https://inpud.example/admin/comments/comment/{comment.pk}/change/" in message.body
    assert message.content_subtype == "plain"
    assert direct.email not in message.body
