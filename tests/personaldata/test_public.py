import json
import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.management import call_command

from campaigns.models import Supporter
from contact.models import ContactMessage
from personaldata.models import DataRequest
from tests.personaldata.factories import make_person
from tests.personaldata.scan import places_holding

pytestmark = pytest.mark.django_db


@pytest.fixture
def send_mail_now(django_capture_on_commit_callbacks):
    """Queued email goes out when the request's transaction commits (immediate tasks)."""

    def post(client, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return post


def _ask(client, post, email, **extra):
    return post(client, "/your-data/", {"email": email}, **extra)


def _link(client, send_mail_now, email):
    response = _ask(client, send_mail_now, email)
    assert response.status_code == 302
    body = mail.outbox[-1].body
    return (
        re.search(r"http\S+/your-data/[^/\s]+/", body).group(0).replace("http://127.0.0.1:8000", "")
    )


def test_the_form_is_cookie_free_and_private(client):
    response = client.get("/your-data/")
    assert response.status_code == 200
    assert not response.cookies and "csrfmiddlewaretoken" not in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_known_and_unknown_addresses_get_the_same_answer(client, send_mail_now):
    make_person()
    known = _ask(client, send_mail_now, "person.held@example.org")
    unknown = _ask(client, send_mail_now, "nobody@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known.content == unknown.content
    assert [m.to for m in mail.outbox] == [["person.held@example.org"]]
    assert client.get(known["Location"]).status_code == 200


def test_a_cross_site_post_is_refused(client):
    make_person()
    response = client.post(
        "/your-data/", {"email": "person.held@example.org"}, HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert response.status_code == 403
    assert not DataRequest.objects.exists()


def test_requests_are_rate_limited(client, send_mail_now, settings):
    settings.PERSONAL_DATA_RATE_LIMIT = 2
    for _ in range(2):
        assert _ask(client, send_mail_now, "nobody@example.org").status_code == 302
    assert _ask(client, send_mail_now, "nobody@example.org").status_code == 429


def test_asking_again_soon_mails_no_second_link(client, send_mail_now):
    make_person()
    _ask(client, send_mail_now, "person.held@example.org")
    _ask(client, send_mail_now, "person.held@example.org")
    assert len(mail.outbox) == 1
    assert DataRequest.objects.count() == 1


def test_a_bad_address_comes_back_with_the_error_and_what_was_typed(client):
    response = client.post("/your-data/", {"email": "not an address"})
    assert response.status_code == 400
    assert 'value="not an address"' in response.content.decode()


def test_the_link_shows_exports_and_erases(client, send_mail_now):
    person = make_person()
    url = _link(client, send_mail_now, person["email"])
    page = client.get(url)
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-store"
    text = page.content.decode()
    assert "A post they commented on" in text and "Held Person" in text
    export = client.get(url + "export/")
    assert export["Content-Type"].startswith("application/json")
    assert len(json.loads(export.content)["sign-ups"]) == 2
    assert client.get(url + "erase/").status_code == 302  # only the button erases
    assert Supporter.objects.count() == 2
    response = send_mail_now(client, url + "erase/", {"comments": "anonymise"})
    assert response.status_code == 302 and response["Location"] == "/your-data/erased/"
    assert not Supporter.objects.exists()
    # Used: the link is spent, and says so.
    again = client.get(url)
    assert again.status_code == 404 and b"This link has been used" in again.content


def test_tampered_and_expired_links_get_clear_pages(client, send_mail_now, settings, monkeypatch):
    person = make_person()
    url = _link(client, send_mail_now, person["email"])
    assert client.get(url[:-4] + "xyz/").status_code == 400
    settings.PERSONAL_DATA_LINK_MAX_AGE_HOURS = 1
    later = time.time() + timedelta(hours=2).total_seconds()
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(url)
    assert response.status_code == 400 and b"expired" in response.content
    assert client.post(url + "erase/", {"comments": "remove"}).status_code == 400
    assert Supporter.objects.count() == 2


def test_expired_requests_are_purged_daily(client, send_mail_now, settings):
    make_person()
    _ask(client, send_mail_now, "person.held@example.org")
    DataRequest.objects.update(created_at=DataRequest.objects.get().created_at - timedelta(days=2))
    call_command("purge_data_requests")
    assert not DataRequest.objects.exists()


@pytest.mark.parametrize("mode", ["remove", "anonymise"])
def test_after_erasure_the_address_is_nowhere_in_the_database(client, send_mail_now, mode):
    person = make_person()
    url = _link(client, send_mail_now, person["email"])
    assert "outbox_message.to" in places_holding("person.held@example.org")
    send_mail_now(client, url + "erase/", {"comments": mode})
    assert places_holding("person.held@example.org") == []
    assert places_holding("other@example.org")  # the scan does find what is there


def test_a_contact_message_alone_is_enough_to_get_a_link(client, send_mail_now):
    ContactMessage.objects.create(topic="general", reply_to="Writer@Example.org", message="Hi")
    _ask(client, send_mail_now, "writer@example.org")
    assert [m.to for m in mail.outbox] == [["writer@example.org"]]
