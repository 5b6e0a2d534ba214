from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaigns.models import Campaign, Supporter
from campaigns.retention import months_before
from outbox.api import enqueue
from outbox.models import Message
from tests.campaigns.factories import make_campaign, make_supporter

pytestmark = pytest.mark.django_db


def test_months_before_counts_calendar_months():
    moment = datetime(2026, 3, 31, 12, tzinfo=UTC)
    assert months_before(moment, 1) == datetime(2026, 2, 28, 12, tzinfo=UTC)
    assert months_before(moment, 24) == datetime(2024, 3, 31, 12, tzinfo=UTC)
    assert months_before(datetime(2024, 3, 29, tzinfo=UTC), 1).day == 29


def test_closing_a_campaign_stamps_when_and_reopening_clears_it():
    campaign = make_campaign()
    assert campaign.closed_at is None
    campaign.status = Campaign.Status.CLOSED
    campaign.save()
    assert campaign.closed_at is not None
    campaign.status = Campaign.Status.OPEN
    campaign.save()
    assert campaign.closed_at is None


def test_supporters_of_long_closed_campaigns_lose_names_and_emails_but_still_count(client):
    old = make_campaign(status=Campaign.Status.CLOSED)
    Campaign.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=800))
    by_date = make_campaign(
        opens_at=timezone.now() - timedelta(days=1000),
        closes_at=timezone.now() - timedelta(days=760),
    )
    recent = make_campaign(status=Campaign.Status.CLOSED)
    for campaign in (old, by_date, recent):
        for n in range(2):
            supporter = make_supporter(
                campaign, country="KE", show_name=True, wants_updates=True, name=f"Named {n}"
            )
            enqueue(to=supporter.email, subject="x", body="y", topic=f"supporter:{supporter.pk}")
    call_command("daily")
    blanked = Supporter.objects.filter(campaign__in=[old, by_date])
    assert set(blanked.values_list("name", "email", "show_name", "wants_updates")) == {
        ("", "", False, False)
    }
    assert blanked.filter(country="KE", status=Supporter.Status.CONFIRMED).count() == 4
    assert Supporter.objects.filter(campaign=recent).exclude(email="").count() == 2
    assert Message.objects.count() == 2  # only the recent campaign's
    page = client.get(old.get_absolute_url()).content.decode()
    assert "Named 0" not in page


def test_the_months_are_a_setting(settings):
    settings.SUPPORTERS_KEEP_MONTHS_AFTER_CLOSE = 1
    campaign = make_campaign(status=Campaign.Status.CLOSED)
    Campaign.objects.filter(pk=campaign.pk).update(closed_at=timezone.now() - timedelta(days=40))
    make_supporter(campaign)
    call_command("anonymise_closed_campaigns")
    assert Supporter.objects.get().email == ""
