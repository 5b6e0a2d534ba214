"""A comment's answer says nothing about its address: known or not, the same bytes."""

import re

import pytest
from django.test import Client

from comments.models import Comment
from tests.blog.factories import make_post
from tests.comments.factories import form_data, make_comment

pytestmark = pytest.mark.django_db

ADDRESSES = ["known@example.org", "KNOWN@example.org", "held@example.org", "new@example.org"]


def _without_csrf(html):
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)


def test_known_and_unknown_addresses_get_byte_identical_answers():
    post = make_post()
    make_comment(post, author_email="known@example.org", status=Comment.Status.APPROVED)
    make_comment(post, author_email="held@example.org", status=Comment.Status.PENDING)
    url = f"/comments/post/{post.pk}/"
    answers = set()
    for email in ADDRESSES:
        client = Client()
        response = client.post(url, form_data(email=email, body="Same words"))
        headers = tuple((k, v) for k, v in response.headers.items() if k != "Date")
        # ... and the page it leads to, with its thank-you message.
        page = client.get(response["Location"])
        answers.add((response.status_code, headers, response.content, _without_csrf(page.content)))
        Comment.objects.filter(body="Same words").delete()  # so the next is not a duplicate
    assert len(answers) == 1
    status, headers, _content, page = answers.pop()
    assert status == 302
    assert dict(headers)["Location"] == f"/comments/post/{post.pk}/sent/"
    assert b"Thank you for your comment" in page


def test_no_address_publishes_a_comment(client):
    post = make_post()
    make_comment(post, author_email="known@example.org", status=Comment.Status.APPROVED)
    client.post(f"/comments/post/{post.pk}/", form_data(email="known@example.org", body="As you"))
    assert Comment.objects.get(body="As you").status == Comment.Status.PENDING
