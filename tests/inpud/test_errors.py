"""Honest outages and bad bodies: 503 with Retry-After for the database, 400 for charsets."""

import json
import logging

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client, RequestFactory

from blog import search
from inpud import health
from inpud.logs import JsonFormatter
from outbox.models import Message
from tests.blog.factories import make_post
from tests.campaigns.factories import make_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiet_client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("canceling statement due to lock timeout"),
        OperationalError("connection to server failed: Connection refused"),
        InterfaceError("connection already closed"),
    ],
)
def test_a_database_outage_or_timeout_answers_503_with_retry_after(
    quiet_client, monkeypatch, settings, error
):
    settings.UNAVAILABLE_RETRY_AFTER_SECONDS = 30

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(search, "ranked_ids", fail)
    response = quiet_client.get("/search/?q=harm")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "<h1>Please try again in a minute</h1>" in response.text
    assert "may not have been saved" in response.text
    assert "<link" not in response.text  # standalone: needs no database and no static file
    assert "Set-Cookie" not in response.headers


def test_a_bug_still_answers_500_with_a_page_that_claims_nothing_untrue(quiet_client, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(search, "ranked_ids", fail)
    response = quiet_client.get("/search/?q=harm")
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.text
    assert "The team has been told" not in response.text
    assert "a bug" not in response.text


def test_server_errors_are_mailed_to_admins_through_the_outbox_without_private_data(
    quiet_client, monkeypatch, settings
):
    settings.ADMINS = [("Ops", "ops@example.org")]

    def fail(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(search, "ranked_ids", fail)
    for _ in range(3):
        quiet_client.get("/search/?q=harm", REMOTE_ADDR="203.0.113.77")
    message = Message.objects.get(topic="error")  # one per kind of error per ten minutes
    assert message.to == "ops@example.org"
    assert "Internal Server Error: /search/" in message.subject
    assert "RuntimeError: a bug" in message.body
    assert "203.0.113.77" not in message.body


def test_healthz_reports_database_and_cache_without_a_cookie_or_caching(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_healthz_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    def down():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health, "_database", down)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "unavailable"
    assert response["Retry-After"]


CHARSETS = ["latin-1", "utf-16", "ISO-8859-1", "cp1252", "utf-32", "nonsense", "utf-7", "utf8"]


@pytest.mark.parametrize("charset", CHARSETS)
@pytest.mark.parametrize("kind", ["comment", "sign-up", "admin login", "search"])
def test_a_body_in_another_charset_gets_a_400_page(quiet_client, kind, charset):
    if kind == "comment":
        path = f"/comments/post/{make_post().pk}/"
    elif kind == "sign-up":
        path = f"/campaigns/{make_campaign().slug}/sign-up/"
    elif kind == "admin login":
        path = "/admin/login/"
    else:
        path = "/search/"
    body = "name=Jos\u00e9&email=a@example.org&body=hi".encode(
        "latin-1" if charset in ("latin-1", "ISO-8859-1", "cp1252") else "utf-16"
    )
    content_type = f"application/x-www-form-urlencoded; charset={charset}"
    response = quiet_client.generic("POST", path, body, content_type=content_type)
    assert response.status_code == 400
    assert "<h1>" in response.text
    assert "nothing was saved" in response.text


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8"])
def test_utf8_bodies_are_read_as_usual(client, charset):
    post = make_post()
    response = client.generic(
        "POST",
        f"/comments/post/{post.pk}/",
        b"name=Ana&email=a@example.org&body=Hello&parent=&leave_empty=",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 302


def test_json_log_lines_mask_signed_links():
    token = "MTAwODk:1vDlG6:PrjzxZY9qbamYK5QWQXffoyQIIlElI5w_riLGptH2Iw"
    request = RequestFactory().get(f"/campaigns/supporter/{token}/", REMOTE_ADDR="203.0.113.5")
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Error: %s", (request.path,), None
    )
    record.request, record.status_code = request, 503
    line = json.loads(JsonFormatter().format(record))
    assert line["path"] == "/campaigns/supporter/[token]/"
    assert token not in line["message"] and "203.0.113.5" not in json.dumps(line)
    assert (line["level"], line["status"]) == ("ERROR", 503)
