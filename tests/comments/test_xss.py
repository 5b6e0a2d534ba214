"""Script in any field never reaches a page, the admin, a feed or an email unescaped."""

import pytest
from django.core import mail
from django.urls import reverse

from comments.models import Comment
from tests.blog.factories import make_post
from tests.comments.factories import form_data, make_moderator

pytestmark = pytest.mark.django_db

NAME = '<script>alert("name")</script>'
EMAIL = '"<script>alert(1)</script>"@example.org'
WEBSITE = 'https://example.org/"><script>alert("url")</script>'
BODY = "<img src=x onerror=alert('body')> <script>alert('body')</script> https://x.example/<svg/onload=alert(1)>"
RAW = ["<script>alert", "<img src=x", "<svg/onload", '"><script']


def assert_no_raw_vector(text):
    for vector in RAW:
        assert vector not in text


@pytest.fixture
def hostile_comment(client, django_capture_on_commit_callbacks):
    post = make_post(title="Safe title")
    make_moderator(username="mod", email="mod@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("comments:post-comment", args=[post.pk]),
            form_data(name=NAME, email=EMAIL, website=WEBSITE, body=BODY),
        )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.author_name, comment.author_email, comment.author_url, comment.body) == (
        NAME,
        EMAIL,
        WEBSITE,
        BODY,
    )
    return comment


def test_public_pages_escape_every_field(client, hostile_comment):
    Comment.objects.update(status="approved")
    post = hostile_comment.post
    for url in (
        "/",
        post.get_absolute_url(),
        f"{post.get_absolute_url()}?replytocom={hostile_comment.pk}",
    ):
        page = client.get(url).text
        assert_no_raw_vector(page)
    page = client.get(post.get_absolute_url()).text
    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;" in page
    assert "Replying to" not in page


def test_invalid_submission_rerender_escapes_typed_text(client):
    post = make_post()
    data = form_data(name=NAME, email="bad", website="javascript:alert(1)", body=BODY)
    response = client.post(reverse("comments:post-comment", args=[post.pk]), data)
    assert response.status_code == 400
    assert_no_raw_vector(response.text)
    assert "&lt;script&gt;" in response.text


def test_admin_escapes_every_field(client, hostile_comment):
    client.login(username="mod", password="pw")
    changelist = client.get("/admin/comments/comment/").text
    assert "&lt;script&gt;alert(&quot;name&quot;)" in changelist
    assert_no_raw_vector(changelist)
    change = client.get(f"/admin/comments/comment/{hostile_comment.pk}/change/").text
    assert_no_raw_vector(change)
    index = client.get("/admin/").text
    assert_no_raw_vector(index)


def test_feeds_escape_every_field(client, hostile_comment):
    import feedparser

    Comment.objects.update(status="approved")
    post = hostile_comment.post
    for url in ("/comments/feed/", f"/comments/feed/{post.pk}/"):
        xml = client.get(url).text
        assert_no_raw_vector(xml)
        entry = feedparser.parse(xml).entries[0]
        assert entry.author == NAME  # the name, shown as text
        assert "<script" not in entry.summary.replace("&lt;script", "")
        assert "example.org" not in xml.replace("https://example.org/", "")


def test_moderation_email_is_plain_text_only(hostile_comment):
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.content_subtype == "plain"
    assert not getattr(message, "alternatives", [])
    assert "\n" not in message.subject
    assert BODY in message.body  # plain text: shown literally by mail clients, never run
    assert EMAIL not in message.body
