import time
from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse

from campaigns import tokens
from campaigns.models import Supporter
from campaigns.services import withdraw
from tests.campaigns.factories import make_campaign, make_supporter

pytestmark = pytest.mark.django_db


def _url(supporter):
    token = tokens.make_unsubscribe_token(supporter)
    return reverse("campaigns:supporter-unsubscribe", kwargs={"token": token})


def test_a_get_only_asks_and_changes_nothing(client):
    supporter = make_supporter(make_campaign(), wants_updates=True)
    response = client.get(_url(supporter))
    assert response.status_code == 200
    assert b"Stop updates" in response.content and b'<form method="post">' in response.content
    assert response["Cache-Control"] == "private, no-store"
    assert not response.cookies
    supporter.refresh_from_db()
    assert supporter.wants_updates is True


def test_a_one_click_post_from_a_mail_provider_unsubscribes_and_is_idempotent(client):
    supporter = make_supporter(make_campaign(), wants_updates=True)
    url = _url(supporter)
    # The provider's POST: from no page of ours, so cross-site (or no browser headers).
    for _ in range(2):
        response = client.post(
            url,
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
            HTTP_SEC_FETCH_SITE="cross-site",
            HTTP_ORIGIN="https://mail.example.net",
        )
        assert response.status_code == 200
        assert b"You will get no more updates" in response.content
    supporter.refresh_from_db()
    assert (supporter.wants_updates, supporter.status) == (False, Supporter.Status.CONFIRMED)
    assert b"You will get no more updates" in client.get(url).content


def test_a_withdrawn_supporter_gets_a_clear_page(client):
    supporter = make_supporter(make_campaign(), wants_updates=True)
    url = _url(supporter)
    withdraw(supporter)
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 200
        assert b"nothing will be sent" in response.content


def test_tampered_and_expired_links_get_a_400_page(client, settings, monkeypatch):
    supporter = make_supporter(make_campaign(), wants_updates=True)
    url = _url(supporter)
    assert client.post(url[:-3] + "xx/").status_code == 400
    manage = tokens.make_manage_token(supporter)  # another purpose's token
    assert client.post(f"/campaigns/supporter/unsubscribe/{manage}/").status_code == 400
    settings.CAMPAIGNS_UNSUBSCRIBE_MAX_AGE_DAYS = 1
    later = time.time() + timedelta(days=2).total_seconds()
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.post(url)
    assert response.status_code == 400 and b"expired" in response.content
    supporter.refresh_from_db()
    assert supporter.wants_updates is True


def test_other_methods_get_a_405(client):
    supporter = make_supporter(make_campaign(), wants_updates=True)
    assert client.put(_url(supporter)).status_code == 405
