"""Real concurrent requests against PostgreSQL: duplicates and floods never slip through."""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.blog.factories import make_post
from tests.comments.factories import form_data, make_moderator

pytestmark = pytest.mark.django_db(transaction=True)


def post_in_parallel(url, payloads, addresses=None, **extra):
    """Send every payload from its own thread (own client, own connection) at once."""
    barrier = threading.Barrier(len(payloads))
    statuses = [None] * len(payloads)
    addresses = addresses or ["127.0.0.1"] * len(payloads)

    def send(i, data):
        try:
            barrier.wait()
            client = Client(REMOTE_ADDR=addresses[i])
            statuses[i] = client.post(url, data, **extra).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(i, d)) for i, d in enumerate(payloads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(statuses)


def test_double_submitted_form_stores_one_comment():
    post = make_post()
    url = reverse("comments:post-comment", args=[post.pk])
    statuses = post_in_parallel(url, [form_data(body="Said once")] * 8)
    assert statuses == [302] + [409] * 7
    assert Comment.objects.count() == 1


def test_double_submit_from_different_addresses_still_stores_one_comment():
    # Different senders do not share the rate-limit lock: only the unique constraint guards.
    post = make_post()
    url = reverse("comments:post-comment", args=[post.pk])
    addresses = [f"198.51.100.{n}" for n in range(8)]
    statuses = post_in_parallel(url, [form_data(body="Said once")] * 8, addresses)
    assert statuses == [302] + [409] * 7
    assert Comment.objects.count() == 1


def test_parallel_flood_never_exceeds_the_rate_limit(settings):
    settings.COMMENTS_RATE_LIMIT = 5
    post = make_post()
    url = reverse("comments:post-comment", args=[post.pk])
    payloads = [form_data(body=f"flood {n}") for n in range(12)]
    statuses = post_in_parallel(url, payloads, REMOTE_ADDR="198.51.100.20")
    assert statuses == [302] * 5 + [429] * 7
    assert Comment.objects.count() == 5


def test_moderators_are_emailed_once_the_request_commits():
    post = make_post()
    make_moderator(email="mod@example.org")
    response = Client().post(reverse("comments:post-comment", args=[post.pk]), form_data())
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["mod@example.org"]]


def test_a_failing_mail_server_does_not_lose_the_comment_or_raise(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # nothing listens there
    post = make_post()
    make_moderator(email="mod@example.org")
    response = Client().post(reverse("comments:post-comment", args=[post.pk]), form_data())
    assert response.status_code == 302
    assert Comment.objects.count() == 1
