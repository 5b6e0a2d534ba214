from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Supporter
from tests.blog.factories import make_user
from tests.campaigns.factories import make_campaign

pytestmark = pytest.mark.django_db


def _bulk_supporters(campaign, n, *, days):
    """n supporters in one INSERT … SELECT (the ORM's bulk_create takes a minute for 100k):
    every tenth pending, confirmations spread over ``days``, nine countries."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO campaigns_supporter (campaign_id, name, email, country, organisation,
                show_name, wants_updates, status, created_at, confirmed_at, language,
                consent_version)
            SELECT %s, 'S ' || i, 's' || i || '@example.org',
                (ARRAY['GB','KE','PT','RU','BR','IN','US','FR','NP'])[1 + i %% 9], '',
                i %% 4 = 0, i %% 3 = 0,
                CASE WHEN i %% 10 = 0 THEN 'pending' ELSE 'confirmed' END, now(),
                CASE WHEN i %% 10 = 0 THEN NULL
                     ELSE now() - make_interval(days => (i * 7919) %% %s) END,
                'en', ''
            FROM generate_series(1, %s) AS i
            """,
            [campaign.pk, days, n],
        )


def test_the_change_page_charts_100000_supporters_in_a_few_queries(
    client, django_assert_max_num_queries
):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    campaign = make_campaign()
    _bulk_supporters(campaign, 100_000, days=400)
    url = reverse("admin:campaigns_campaign_change", args=[campaign.pk])
    client.get(url)  # the session and permissions, warmed
    with django_assert_max_num_queries(16) as queries:
        response = client.get(url)
    assert response.status_code == 200
    stats_queries = [q for q in queries.captured_queries if "campaigns_supporter" in q["sql"]]
    assert len(stats_queries) <= 4
    page = response.content.decode()
    assert "Confirmed sign-ups per week" in page
    assert page.count("<rect ") >= 50
    assert "90,000 confirmed, 10,000 awaiting confirmation" in page
    assert "Nepal" in page


def test_a_short_campaign_is_charted_per_day_with_empty_days(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    campaign = make_campaign()
    now = timezone.now()
    for days_ago in (0, 5):
        Supporter.objects.create(
            campaign=campaign,
            name="x",
            email=f"d{days_ago}@example.org",
            country="GB",
            status=Supporter.Status.CONFIRMED,
            confirmed_at=now - timedelta(days=days_ago),
        )
    page = client.get(reverse("admin:campaigns_campaign_change", args=[campaign.pk]))
    text = page.content.decode()
    assert "Confirmed sign-ups per day" in text
    assert text.count("<rect ") == 6
    assert 'height="0' in text  # the empty days


def test_a_campaign_without_supporters_has_no_chart(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    campaign = make_campaign()
    page = client.get(reverse("admin:campaigns_campaign_change", args=[campaign.pk]))
    assert page.status_code == 200 and b"signup-chart-title" not in page.content
    assert b"0 confirmed, 0 awaiting confirmation" in page.content
