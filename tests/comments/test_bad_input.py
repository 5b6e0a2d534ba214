"""Bad input gets a form error or a clear 4xx page: never a 500, never a stored row."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from comments.models import Comment
from tests.blog.factories import make_post
from tests.comments.factories import form_data, make_comment

pytestmark = pytest.mark.django_db


def submit_url(post):
    return reverse("comments:post-comment", args=[post.pk])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "n" * 101),
        ("email", "a" * 250 + "@example.org"),
        ("website", "https://example.org/" + "p" * 200),
        ("body", "b" * 5001),
    ],
)
def test_oversized_fields_are_form_errors(client, field, value):
    post = make_post()
    response = client.post(submit_url(post), form_data(**{field: value}))
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.text
    assert not Comment.objects.exists()


def test_body_of_exactly_5000_characters_with_windows_line_breaks_is_accepted(client):
    post = make_post()
    body = ("x" * 99 + "\r\n") * 50  # 5000 characters once line breaks are normalised
    assert client.post(submit_url(post), form_data(body=body)).status_code == 302
    assert Comment.objects.get().body == ("x" * 99 + "\n") * 49 + "x" * 99


def test_request_larger_than_the_upload_limit_is_a_400(client, settings):
    post = make_post()
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(submit_url(post), form_data(body="b" * 20_000))
    assert response.status_code == 400
    assert "nothing was saved" in response.text
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Ana\x00"),
        ("name", "Ana\x1b[31m"),
        ("name", "Ana\nReader"),
        ("body", "hello\x07 bell"),
        ("body", "C1 control \x85 here"),
        ("email", "ana\x0b@example.org"),
    ],
)
def test_control_characters_are_form_errors(client, field, value):
    post = make_post()
    response = client.post(submit_url(post), form_data(**{field: value}))
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.text
    assert not Comment.objects.exists()


def test_tabs_and_line_breaks_are_fine_in_the_body(client):
    post = make_post()
    response = client.post(submit_url(post), form_data(body="a\tb\n\nc"))
    assert response.status_code == 302
    assert Comment.objects.get().body == "a\tb\n\nc"


@pytest.mark.parametrize("field", ["name", "body"])
def test_percent_encoded_non_utf8_bytes_are_form_errors(client, field):
    post = make_post()
    data = form_data()
    data.pop(field)
    raw = urlencode(data) + f"&{field}=caf%E9%20%FF%FE"
    response = client.post(
        submit_url(post), data=raw, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.text
    assert "could not read" in response.text
    assert not Comment.objects.exists()


@pytest.mark.parametrize("field", ["name", "body"])
def test_raw_non_utf8_bytes_are_refused(client, field):
    post = make_post()
    data = form_data()
    data.pop(field)
    raw = urlencode(data).encode() + f"&{field}=".encode() + b"caf\xe9 \xff\xfe"
    response = client.post(
        submit_url(post), data=raw, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "characters we could not read" in response.text
    assert not Comment.objects.exists()


def test_raw_utf8_bytes_are_fine(client):
    post = make_post()
    raw = urlencode(form_data(body="")).encode() + "&body=café ✊".encode()
    response = client.post(
        submit_url(post), data=raw, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 302
    assert Comment.objects.get().body == "café ✊"


def test_non_utf8_bytes_in_a_multipart_body_are_form_errors(client):
    post = make_post()
    boundary = "XyZ"
    parts = []
    for name, value in form_data(body="").items():
        value_bytes = b"\xc3( broken" if name == "body" else value.encode()
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value_bytes
            + b"\r\n"
        )
    raw = b"".join(parts) + f"--{boundary}--\r\n".encode()
    response = client.post(
        submit_url(post), data=raw, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 400
    assert 'id="id_body_error"' in response.text
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "website", ["javascript:alert(1)", "ftp://example.org/", "data:text/html,hi", "http://"]
)
def test_only_web_addresses_are_accepted_as_website(client, website):
    post = make_post()
    response = client.post(submit_url(post), form_data(website=website))
    assert response.status_code == 400
    assert 'id="id_website_error"' in response.text
    assert not Comment.objects.exists()


def test_website_without_scheme_gets_https(client):
    post = make_post()
    client.post(submit_url(post), form_data(website="example.org"))
    assert Comment.objects.get().author_url == "https://example.org"


def test_reply_to_a_comment_of_another_post_is_refused(client):
    post, other = make_post(), make_post()
    foreign = make_comment(other)
    response = client.post(submit_url(post), form_data(parent=str(foreign.pk), body="mine"))
    assert response.status_code == 400
    assert "The comment you are replying to is not available" in response.text
    assert "mine</textarea>" in response.text
    # The bad target is dropped, so sending the form again posts a new comment.
    assert 'name="parent" id="id_parent"' in response.text
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("status", ["pending", "spam", "removed"])
def test_reply_to_an_unapproved_comment_is_refused(client, status):
    post = make_post()
    held = make_comment(post, status=status)
    response = client.post(submit_url(post), form_data(parent=str(held.pk)))
    assert response.status_code == 400
    assert "not available" in response.text
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("parent", ["abc", "-1", "0", "99999999", "9" * 30, "1.5", "١٢", "²"])
def test_nonsense_parent_is_a_form_error(client, parent):
    post = make_post()
    response = client.post(submit_url(post), form_data(parent=parent))
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_reply_beyond_the_maximum_depth_is_refused(client, settings):
    settings.COMMENTS_MAX_DEPTH = 3
    post = make_post()
    top = make_comment(post)
    reply = make_comment(post, parent=top)
    deepest = make_comment(post, parent=reply)
    assert deepest.depth == 2
    response = client.post(submit_url(post), form_data(parent=str(deepest.pk)))
    assert response.status_code == 400
    assert "Replies can only go 3 levels deep." in response.text
    assert Comment.objects.count() == 3
    ok = client.post(submit_url(post), form_data(parent=str(reply.pk), body="fine"))
    assert ok.status_code == 302
    assert Comment.objects.get(body="fine").depth == 2


def test_replies_are_stored_with_parent_and_depth(client):
    post = make_post()
    top = make_comment(post)
    client.post(submit_url(post), form_data(parent=str(top.pk), body="a reply"))
    reply = Comment.objects.get(body="a reply")
    assert (reply.parent, reply.depth) == (top, 1)


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_a_comment_sent_from_another_site_is_refused(client, headers):
    post = make_post()
    response = client.post(submit_url(post), form_data(), **headers)
    assert response.status_code == 403
    assert "This form came from another website" in response.text
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "http://127.0.0.1:8000"},  # SITE_URL
        {},  # no browser page sent it
    ],
)
def test_a_comment_from_this_site_needs_no_cookie(client, headers):
    post = make_post()
    response = client.post(submit_url(post), form_data(), **headers)
    assert response.status_code == 302
    assert not response.cookies
    assert Comment.objects.count() == 1
