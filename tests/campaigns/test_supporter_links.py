import re
import time

import pytest
from django.core import mail, signing
from django.urls import reverse

from campaigns import services, tokens
from campaigns.models import Campaign, Supporter
from tests.campaigns.factories import make_campaign, make_supporter

pytestmark = pytest.mark.django_db


def _confirm_url(supporter):
    return reverse(
        "campaigns:supporter-confirm", kwargs={"token": tokens.make_confirm_token(supporter)}
    )


def _manage_url(supporter):
    return reverse(
        "campaigns:supporter-manage", kwargs={"token": tokens.make_manage_token(supporter)}
    )


@pytest.fixture
def pending(db):
    campaign = make_campaign(title="Peace now", thank_you_text="Share the papers widely.")
    return make_supporter(
        campaign, name="Ana Peer", country="PT", show_name=True, status=Supporter.Status.PENDING
    )


def test_confirmation_link_shows_the_details_and_does_not_confirm_on_get(client, pending):
    response = client.get(_confirm_url(pending))
    assert response.status_code == 200
    assert "Confirm your support for Peace now" in response.text
    assert "Ana Peer" in response.text and "Portugal" in response.text
    assert "csrfmiddlewaretoken" not in response.text
    assert response["Cache-Control"] == "private, no-store"
    pending.refresh_from_db()
    assert pending.status == Supporter.Status.PENDING


def test_confirming_counts_the_supporter_shows_thanks_and_emails_the_manage_link(
    client, pending, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://inpud.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_confirm_url(pending), follow=True)
    assert response.redirect_chain == [(f"/campaigns/{pending.campaign.slug}/thank-you/", 302)]
    assert "Thank you for your support" in response.text
    assert "Share the papers widely." in response.text
    assert "https://inpud.example/campaigns/" in response.text  # the address to share
    assert "<script" not in response.text
    pending.refresh_from_db()
    assert pending.status == Supporter.Status.CONFIRMED
    assert pending.confirmed_at is not None
    assert [m.subject for m in mail.outbox] == ["Thank you for supporting Peace now"]
    assert re.search(r"https://inpud\.example/campaigns/supporter/[^/\s]+/\s", mail.outbox[0].body)
    page = client.get(pending.campaign.get_absolute_url()).text
    assert "<strong>1</strong> confirmed supporter" in page
    assert "Ana Peer, Portugal" in page


def test_confirming_twice_is_harmless(client, pending, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_confirm_url(pending))
        again = client.post(_confirm_url(pending))
    assert again.status_code == 302
    assert len(mail.outbox) == 1
    assert client.get(_confirm_url(pending)).status_code == 302


def test_expired_confirmation_link_gets_a_friendly_400(client, pending, monkeypatch, settings):
    settings.CAMPAIGNS_CONFIRM_MAX_AGE_DAYS = 7
    eight_days_ago = int(time.time()) - 8 * 86400
    monkeypatch.setattr(
        signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(eight_days_ago)
    )
    url = _confirm_url(pending)
    monkeypatch.undo()
    response = client.post(url)
    assert response.status_code == 400
    assert "This link has expired" in response.text
    pending.refresh_from_db()
    assert pending.status == Supporter.Status.PENDING


def _manage_url_made_days_ago(pending, monkeypatch, days):
    long_ago = int(time.time()) - days * 86400
    monkeypatch.setattr(
        signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(long_ago)
    )
    url = _manage_url(pending)
    monkeypatch.undo()
    return url


def test_a_manage_link_works_for_a_year(client, pending, monkeypatch, settings):
    settings.CAMPAIGNS_MANAGE_MAX_AGE_DAYS = 365
    assert client.get(_manage_url_made_days_ago(pending, monkeypatch, 364)).status_code == 200


def test_an_old_manage_link_shows_nothing_and_says_how_to_get_a_new_one(
    client, pending, monkeypatch, settings
):
    settings.CAMPAIGNS_MANAGE_MAX_AGE_DAYS = 365
    url = _manage_url_made_days_ago(pending, monkeypatch, 400)
    for response in (client.get(url), client.post(url), client.post(url + "withdraw/")):
        assert response.status_code == 400
        assert "This link has expired" in response.text
        assert "Sign up again" in response.text
        assert pending.name not in response.text
        assert "Withdraw" not in response.text
    assert Supporter.objects.filter(pk=pending.pk).exists()


def test_every_email_carries_a_fresh_manage_link_with_its_lifetime(
    client, pending, django_capture_on_commit_callbacks, settings
):
    settings.CAMPAIGNS_MANAGE_MAX_AGE_DAYS = 365
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm(pending)
    body = mail.outbox[-1].body
    token = re.search(r"/campaigns/supporter/([^/\s]+)/\s", body).group(1)
    assert tokens.read_manage_token(token) == pending.pk
    assert "This link works for 365 days" in body


@pytest.mark.parametrize("method", ["get", "post"])
def test_tampered_links_get_a_friendly_400(client, pending, method):
    confirm = tokens.make_confirm_token(pending)
    other = make_supporter(pending.campaign)
    forged = tokens.make_confirm_token(other).split(":")[0] + ":" + confirm.split(":", 1)[1]
    for url in (
        reverse("campaigns:supporter-confirm", kwargs={"token": confirm[:-3] + "abc"}),
        reverse("campaigns:supporter-confirm", kwargs={"token": forged}),
        reverse("campaigns:supporter-confirm", kwargs={"token": "nonsense"}),
        reverse("campaigns:supporter-manage", kwargs={"token": "nonsense"}),
        # A confirmation token is not a manage token: each purpose has its own salt.
        reverse("campaigns:supporter-manage", kwargs={"token": confirm}),
        reverse("campaigns:supporter-withdraw", kwargs={"token": confirm}),
    ):
        response = getattr(client, method)(url)
        assert response.status_code == 400, url
        assert "This link does not work" in response.text
    assert Supporter.objects.count() == 2
    pending.refresh_from_db()
    assert pending.status == Supporter.Status.PENDING


def test_a_signed_payload_that_is_not_an_id_is_refused(client):
    token = signing.dumps({"pk": 1}, salt=tokens.MANAGE_SALT)
    assert (
        client.get(reverse("campaigns:supporter-manage", kwargs={"token": token})).status_code
        == 400
    )


def test_confirming_after_the_campaign_closed_is_refused(client, pending):
    Campaign.objects.update(status=Campaign.Status.CLOSED)
    response = client.post(_confirm_url(pending))
    assert response.status_code == 403
    assert "Sign-ups are closed" in response.text
    pending.refresh_from_db()
    assert pending.status == Supporter.Status.PENDING


def test_supporter_page_shows_their_details_and_never_needs_a_login(client, pending):
    response = client.get(_manage_url(pending))
    assert response.status_code == 200
    assert "Your support for Peace now" in response.text
    assert "Ana Peer" in response.text
    assert "Not confirmed yet" in response.text


def test_supporter_can_hide_and_show_their_name(client):
    campaign = make_campaign()
    supporter = make_supporter(campaign, name="Toggle Person", show_name=True)
    url = _manage_url(supporter)
    assert "Toggle Person" in client.get(campaign.get_absolute_url()).text
    response = client.post(url, {}, follow=True)
    assert "Saved: your name is hidden." in response.text
    assert "Toggle Person" not in client.get(campaign.get_absolute_url()).text
    client.post(url, {"show_name": "on"})
    assert "Toggle Person" in client.get(campaign.get_absolute_url()).text


def test_supporter_page_forms_sent_from_another_site_are_refused(client, pending):
    cross_site = {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"}
    assert client.post(_manage_url(pending), {"show_name": ""}, **cross_site).status_code == 403
    withdraw = reverse(
        "campaigns:supporter-withdraw", kwargs={"token": tokens.make_manage_token(pending)}
    )
    assert client.post(withdraw, **cross_site).status_code == 403
    confirm = reverse(
        "campaigns:supporter-confirm", kwargs={"token": tokens.make_confirm_token(pending)}
    )
    assert client.post(confirm, **cross_site).status_code == 403
    assert Supporter.objects.filter(pk=pending.pk, show_name=True).exists()


def test_withdrawing_erases_the_person_and_keeps_an_anonymous_tally(client):
    campaign = make_campaign()
    stays = make_supporter(campaign, name="Stays Here", show_name=True)
    leaves = make_supporter(
        campaign,
        name="Leaves Now",
        email="leaves@example.org",
        organisation="Leavers Org",
        show_name=True,
    )
    token = tokens.make_manage_token(leaves)
    before = client.get(campaign.get_absolute_url()).text
    assert "<strong>2</strong> confirmed supporters" in before and "Leaves Now" in before
    response = client.post(
        reverse("campaigns:supporter-withdraw", kwargs={"token": token}), follow=True
    )
    assert response.redirect_chain == [("/campaigns/supporter/withdrawn/", 302)]
    assert "Your details have been erased" in response.text
    after = client.get(campaign.get_absolute_url()).text
    assert "<strong>1</strong> confirmed supporter" in after
    assert "Leaves Now" not in after and "Stays Here" in after
    assert list(Supporter.objects.values_list("pk", flat=True)) == [stays.pk]
    for value in ("Leaves Now", "leaves@example.org", "Leavers Org"):
        assert not Supporter.objects.filter(name=value).exists()
        assert not Supporter.objects.filter(email=value).exists()
        assert not Supporter.objects.filter(organisation=value).exists()
    campaign.refresh_from_db()
    assert campaign.withdrawn_count == 1
    gone = client.get(reverse("campaigns:supporter-manage", kwargs={"token": token}))
    assert gone.status_code == 404
    assert "This sign-up no longer exists" in gone.text


def test_withdrawing_a_pending_sign_up_erases_it_without_a_tally(client, pending):
    client.post(
        reverse("campaigns:supporter-withdraw", kwargs={"token": tokens.make_manage_token(pending)})
    )
    assert Supporter.objects.count() == 0
    pending.campaign.refresh_from_db()
    assert pending.campaign.withdrawn_count == 0


def test_opening_the_withdraw_address_only_shows_the_supporter_page(client, pending):
    token = tokens.make_manage_token(pending)
    response = client.get(reverse("campaigns:supporter-withdraw", kwargs={"token": token}))
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:supporter-manage", kwargs={"token": token})
    assert Supporter.objects.filter(pk=pending.pk).exists()


def test_confirmation_link_of_a_withdrawn_supporter_is_a_friendly_404(client, pending):
    url = _confirm_url(pending)
    pending.delete()
    response = client.get(url)
    assert response.status_code == 404
    assert "This sign-up no longer exists" in response.text


def test_same_person_can_sign_up_again_after_withdrawing(
    client, pending, django_capture_on_commit_callbacks
):
    client.post(
        reverse("campaigns:supporter-withdraw", kwargs={"token": tokens.make_manage_token(pending)})
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("campaigns:signup", kwargs={"slug": pending.campaign.slug}),
            {"name": "Ana Again", "email": pending.email, "country": "PT"},
        )
    assert Supporter.objects.get().name == "Ana Again"
    assert len(mail.outbox) == 1
