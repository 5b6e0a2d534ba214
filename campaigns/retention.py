"""How long supporters' names and emails are kept once a campaign has closed."""

from django.db import models, transaction
from django.utils import timezone

from campaigns.models import Campaign, Supporter
from outbox.models import Message
from pagecache import generations


def months_before(moment, months):
    """The same day and time ``months`` calendar months earlier (clamped to the month's end)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    days = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][month - 1]  # fmt: skip
    return moment.replace(year=year, month=month, day=min(moment.day, days))


def closed_before(cutoff):
    """Campaigns that stopped taking sign-ups before ``cutoff`` (closed, or past closes_at)."""
    return Campaign.objects.filter(
        models.Q(closed_at__lt=cutoff) | models.Q(closes_at__lt=cutoff)
    ).exclude(status=Campaign.Status.DRAFT)


def anonymise_closed(*, months) -> int:
    """Blank the personal details of the supporters of campaigns closed ``months`` ago.

    Their rows stay (status, country, dates, consent), so counts and countries are as
    before; names are no longer listed, and no email can reach them.
    """
    cutoff = months_before(timezone.now(), months)
    campaigns = list(closed_before(cutoff))
    supporters = Supporter.objects.filter(campaign__in=campaigns).exclude(email="")
    with transaction.atomic():
        topics = [f"supporter:{pk}" for pk in supporters.values_list("pk", flat=True)]
        count = supporters.update(
            name="", email="", organisation="", show_name=False, wants_updates=False
        )
        Message.objects.filter(topic__in=topics).delete()
    for campaign in campaigns:
        generations.bump(generations.path_name(campaign.get_absolute_url()))
    return count
