"""A sign-up's answer says nothing about its address, and never waits on the mail server."""

import re

import pytest
from django.test import Client

from campaigns.models import Supporter
from outbox.models import Message
from tests.campaigns.factories import make_campaign, make_supporter, signup_data

pytestmark = pytest.mark.django_db


def _without_csrf(html):
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)


def test_new_pending_and_confirmed_addresses_get_byte_identical_answers(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    campaign = make_campaign()
    make_supporter(campaign, email="confirmed@example.org")
    make_supporter(campaign, email="pending@example.org", status=Supporter.Status.PENDING)
    answers = set()
    for n, email in enumerate(["new@example.org", "pending@example.org", "confirmed@example.org"]):
        client = Client()
        response = client.post(
            f"/campaigns/{campaign.slug}/sign-up/",
            signup_data(email=email),
            REMOTE_ADDR=f"192.0.2.{n}",
        )
        headers = tuple((k, v) for k, v in response.headers.items() if k != "Date")
        page = client.get(response["Location"])
        answers.add((response.status_code, headers, response.content, _without_csrf(page.content)))
    assert len(answers) == 1
    assert answers.pop()[0] == 302
    # Each address got its email queued (confirmation, confirmation, reminder); none sent yet.
    assert Message.objects.filter(status=Message.Status.PENDING).count() == 3


def test_bidi_and_control_characters_in_a_name_are_a_form_error(client):
    campaign = make_campaign()
    for name in ["Ana\u202egnp.exe", "Ana\x07", "Ana\ufffd"]:
        response = client.post(f"/campaigns/{campaign.slug}/sign-up/", signup_data(name=name))
        assert response.status_code == 400
        assert 'aria-invalid="true"' in response.text
    response = client.post(
        f"/campaigns/{campaign.slug}/sign-up/", signup_data(organisation="Peers\u2066United")
    )
    assert response.status_code == 400
    assert not Supporter.objects.exists()
