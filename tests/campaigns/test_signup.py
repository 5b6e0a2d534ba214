import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign, Supporter
from outbox.models import Message
from tests.campaigns.factories import make_campaign, make_supporter, signup_data
from throttle.models import Counter

pytestmark = pytest.mark.django_db


def _signup_url(campaign):
    return reverse("campaigns:signup", kwargs={"slug": campaign.slug})


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    """POST the sign-up form and run what was queued for after the commit (the email)."""

    def post(campaign, follow=False, **data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(_signup_url(campaign), signup_data(**data), follow=follow)

    return post


def test_valid_sign_up_creates_a_pending_supporter_and_emails_a_confirmation(sign_up, settings):
    settings.SITE_URL = "https://inpud.example"
    campaign = make_campaign(title="Peace now")
    response = sign_up(campaign, organisation="Peers United", show_name="on")
    assert response.status_code == 302
    assert response["Location"] == f"/campaigns/{campaign.slug}/check-your-email/"
    supporter = Supporter.objects.get()
    assert supporter.status == Supporter.Status.PENDING
    assert (supporter.name, supporter.country.code, supporter.organisation) == (
        "Ana Peer",
        "PT",
        "Peers United",
    )
    assert supporter.show_name is True
    assert supporter.wants_updates is False
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    assert message.subject == "Please confirm your support for Peace now"
    assert re.search(r"https://inpud\.example/campaigns/supporter/[^/\s]+/confirm/", message.body)
    assert re.search(r"https://inpud\.example/campaigns/supporter/[^/\s]+/\s", message.body)
    assert "7 days" in message.body


def test_confirmation_email_waits_for_the_commit(client, django_capture_on_commit_callbacks):
    campaign = make_campaign()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(_signup_url(campaign), signup_data())
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_pending_supporters_are_not_counted(sign_up, client):
    campaign = make_campaign()
    sign_up(campaign, show_name="on")
    html = client.get(campaign.get_absolute_url()).text
    assert "<strong>0</strong> confirmed supporters" in html
    assert "Ana Peer" not in html


def test_response_is_identical_for_new_pending_and_confirmed_addresses(sign_up):
    campaign = make_campaign()
    make_supporter(campaign, email="confirmed@example.org")
    make_supporter(campaign, email="pending@example.org", status=Supporter.Status.PENDING)
    responses = [
        sign_up(campaign, follow=True, email=email)
        for email in ("new@example.org", "pending@example.org", "confirmed@example.org")
    ]
    assert {r.status_code for r in responses} == {200}
    assert {tuple(r.redirect_chain) for r in responses} == {
        ((f"/campaigns/{campaign.slug}/check-your-email/", 302),)
    }
    bodies = {re.sub(r"csrfmiddlewaretoken\" value=\"[^\"]+", "", r.text) for r in responses}
    assert len(bodies) == 1
    assert "Check your email" in bodies.pop()


def test_same_email_in_any_case_never_makes_a_second_row(sign_up):
    campaign = make_campaign()
    sign_up(campaign, email="Ana@Example.org")
    sign_up(campaign, email="ana@EXAMPLE.ORG")
    assert Supporter.objects.count() == 1
    other = make_campaign()
    sign_up(other, email="ana@example.org")
    assert Supporter.objects.count() == 2


def test_database_refuses_a_case_insensitive_duplicate():
    campaign = make_campaign()
    make_supporter(campaign, email="dup@example.org")
    with pytest.raises(IntegrityError):
        make_supporter(campaign, email="DUP@example.org")


def test_signing_again_while_pending_resends_at_most_once_per_interval(sign_up, settings):
    settings.CAMPAIGNS_RESEND_INTERVAL_MINUTES = 15
    campaign = make_campaign()
    sign_up(campaign)
    sign_up(campaign)
    assert len(mail.outbox) == 1
    Supporter.objects.update(last_emailed_at=timezone.now() - timedelta(minutes=16))
    sign_up(campaign, name="Ana P. Peer")
    assert len(mail.outbox) == 2
    assert "confirm" in mail.outbox[1].subject
    assert Supporter.objects.get().name == "Ana P. Peer"


def test_signing_again_when_confirmed_changes_nothing_and_sends_a_reminder(sign_up):
    campaign = make_campaign(title="Peace now")
    make_supporter(campaign, name="Real Name", email="ana@example.org", show_name=False)
    sign_up(campaign, name="Someone Else", show_name="on")
    supporter = Supporter.objects.get()
    assert (supporter.name, supporter.show_name) == ("Real Name", False)
    assert [m.subject for m in mail.outbox] == ["You have already signed up for Peace now"]
    sign_up(campaign)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-email", "Enter a valid email address."),
        ("email", "a" * 250 + "@example.org", "Ensure this value has at most 254 characters"),
        ("name", "x" * 101, "Ensure this value has at most 100 characters"),
        ("name", "   ", "This field is required."),
        ("country", "ZZ", "Select a valid choice."),
        ("organisation", "o" * 151, "Ensure this value has at most 150 characters"),
    ],
)
def test_bad_input_is_refused_with_an_error_tied_to_the_field(sign_up, field, value, message):
    campaign = make_campaign()
    response = sign_up(campaign, **({"organisation": "Kept Org"} | {field: value}))
    assert response.status_code == 400
    html = response.text
    error = re.search(rf'<ul class="errorlist" id="id_{field}_error"><li>([^<]+)', html)
    assert error and message in error.group(1)
    widget = re.search(rf'<(?:input|select)[^>]*name="{field}"[^>]*>', html).group(0)
    assert f'aria-describedby="id_{field}_error"' in widget or f"id_{field}_error" in widget
    assert 'aria-invalid="true"' in widget
    assert Supporter.objects.count() == 0
    assert mail.outbox == []


def test_form_keeps_what_was_typed_after_an_error(sign_up):
    campaign = make_campaign()
    html = sign_up(
        campaign, email="bad", name="Keep Me", organisation="Keep Org", wants_updates="on"
    ).text
    assert 'value="Keep Me"' in html
    assert 'value="Keep Org"' in html
    assert 'value="bad"' in html
    assert '<option value="PT" selected>' in html
    assert re.search(r'<input[^>]*name="wants_updates"[^>]*checked', html)


def test_honeypot_pretends_success_and_stores_nothing(sign_up):
    campaign = make_campaign()
    response = sign_up(campaign, website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == f"/campaigns/{campaign.slug}/check-your-email/"
    assert Supporter.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    "settings_for_closed",
    [
        {"status": Campaign.Status.CLOSED},
        {"closes_at": "past"},
        {"opens_at": "future"},
    ],
)
def test_a_campaign_not_taking_sign_ups_refuses_with_403_and_stores_nothing(
    sign_up, settings_for_closed
):
    fields = dict(settings_for_closed)
    if fields.get("closes_at") == "past":
        fields["closes_at"] = timezone.now() - timedelta(minutes=1)
    if fields.get("opens_at") == "future":
        fields["opens_at"] = timezone.now() + timedelta(days=1)
    campaign = make_campaign(title="Finished business", **fields)
    response = sign_up(campaign)
    assert response.status_code == 403
    assert "Sign-ups are closed" in response.text
    assert "nothing was recorded" in response.text
    assert Supporter.objects.count() == 0
    assert mail.outbox == []


def test_draft_campaign_sign_up_is_404(sign_up):
    campaign = make_campaign(status=Campaign.Status.DRAFT)
    assert sign_up(campaign).status_code == 404
    assert Supporter.objects.count() == 0


def test_opening_the_sign_up_address_leads_back_to_the_form(client):
    campaign = make_campaign()
    response = client.get(_signup_url(campaign))
    assert response.status_code == 302
    assert response["Location"] == f"/campaigns/{campaign.slug}/#sign-up"
    assert Supporter.objects.count() == 0


def test_a_sign_up_sent_from_another_site_is_refused(client):
    campaign = make_campaign()
    response = client.post(
        _signup_url(campaign),
        signup_data(),
        **{"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"},
    )
    assert response.status_code == 403
    assert "This form came from another website" in response.text
    assert Supporter.objects.count() == 0


def test_a_sign_up_from_this_site_sets_no_cookie(client):
    campaign = make_campaign()
    response = client.post(
        _signup_url(campaign), signup_data(), HTTP_SEC_FETCH_SITE="same-origin", follow=True
    )
    assert "Check your email" in response.text
    assert not response.cookies and not client.cookies
    assert response["Cache-Control"] == "private, no-store"
    assert Supporter.objects.count() == 1


def test_too_many_sign_ups_from_one_address_get_a_friendly_429(
    client, settings, django_capture_on_commit_callbacks
):
    settings.CAMPAIGNS_SIGNUP_RATE_LIMIT = 5
    campaign = make_campaign()
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(5):
            response = client.post(
                _signup_url(campaign),
                signup_data(email=f"p{i}@example.org"),
                REMOTE_ADDR="203.0.113.9",
            )
            assert response.status_code == 302
        blocked = client.post(
            _signup_url(campaign), signup_data(email="p6@example.org"), REMOTE_ADDR="203.0.113.9"
        )
        other_ip = client.post(
            _signup_url(campaign), signup_data(email="p7@example.org"), REMOTE_ADDR="198.51.100.4"
        )
    assert blocked.status_code == 429
    assert "Too many sign-ups from your connection" in blocked.text
    assert "try again in 10 minutes" in blocked.text
    assert not Supporter.objects.filter(email="p6@example.org").exists()
    assert other_ip.status_code == 302
    assert Supporter.objects.count() == 6


def test_invalid_submissions_do_not_use_up_the_rate_limit(client, settings):
    settings.CAMPAIGNS_SIGNUP_RATE_LIMIT = 1
    campaign = make_campaign()
    for _ in range(3):
        assert client.post(_signup_url(campaign), signup_data(email="bad")).status_code == 400
    assert client.post(_signup_url(campaign), signup_data()).status_code == 302


def test_the_raw_ip_address_is_never_stored(client):
    campaign = make_campaign()
    client.post(_signup_url(campaign), signup_data(), REMOTE_ADDR="203.0.113.77")
    supporter_values = Supporter.objects.values_list().get()
    assert not any("203.0.113.77" in str(value) for value in supporter_values)
    counters = list(Counter.objects.values_list("scope", "key"))
    assert counters and not any("203.0.113.77" in f"{scope} {key}" for scope, key in counters)


def test_an_email_that_failed_for_good_does_not_block_signing_again(client, settings):
    """The old bug: last_emailed_at stamped before a send that failed silenced the address."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CAMPAIGNS_RESEND_INTERVAL_MINUTES = 15
    campaign = make_campaign()
    client.post(_signup_url(campaign), signup_data())
    assert Message.objects.count() == 1
    client.post(_signup_url(campaign), signup_data())
    assert Message.objects.count() == 1  # on its way: once per interval is enough
    Message.objects.update(status=Message.Status.FAILED)
    client.post(_signup_url(campaign), signup_data())
    assert Message.objects.filter(status=Message.Status.PENDING).count() == 1
