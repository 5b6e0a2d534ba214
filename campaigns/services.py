"""Supporter workflows: double opt-in sign-up, confirmation, the supporter's own choices.

Emails are built inside the request (in its language) and queued in the outbox in the same
transaction, so a rollback never leaves a confirmation link pointing at nothing, and a
committed sign-up always gets its email, however long the mail server is away. The request
never talks to the mail server: every answer takes the same time whatever the address.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from campaigns import consent, signals, tokens
from campaigns.models import Campaign, Supporter
from core.siteurl import absolute_url
from outbox.api import enqueue
from outbox.models import Message
from pagecache import generations

# Fields a new submission may change on a sign-up that is still waiting for confirmation.
PENDING_EDITABLE = (
    "name",
    "country",
    "organisation",
    "show_name",
    "wants_updates",
    "consent_version",
    "language",
)


def sign_up(
    *,
    campaign,
    name,
    email,
    country,
    organisation="",
    show_name=False,
    wants_updates=False,
    consent_version=consent.CURRENT,
    language=None,
) -> Supporter:
    """Record a pending sign-up, or nudge an existing one by email.

    Whatever happens, the caller shows the same "check your email" page, so the response
    never tells a visitor whether an address had already signed.
    """
    details = {
        "name": name,
        "country": country,
        "organisation": organisation,
        "show_name": show_name,
        "wants_updates": wants_updates,
        "consent_version": consent_version,
        "language": language or settings.LANGUAGE_CODE,
    }
    now = timezone.now()
    with transaction.atomic():
        supporter = _find_locked(campaign, email)
        if supporter is None:
            try:
                with transaction.atomic():  # a savepoint: the outer transaction survives a clash
                    supporter = Supporter.objects.create(campaign=campaign, email=email, **details)
            except IntegrityError:
                # Someone signed up with this address between our look-up and our insert.
                supporter = _find_locked(campaign, email)
                if supporter is None:
                    raise
            else:
                _send(supporter, "confirm", now)
                return supporter
        if not _may_email_again(supporter, now):
            return supporter
        if supporter.status == Supporter.Status.PENDING:
            # The address owner still has to confirm, and the confirmation page shows these
            # details, so a correction (a typo in the name) is safe to take.
            for field, value in details.items():
                setattr(supporter, field, value)
            supporter.save(update_fields=PENDING_EDITABLE)
            _send(supporter, "confirm", now)
        else:
            _send(supporter, "already-signed", now)
    return supporter


def confirm(supporter: Supporter) -> bool:
    """Confirm a pending sign-up; False when it was confirmed already."""
    with transaction.atomic():
        locked = Supporter.objects.select_for_update().filter(pk=supporter.pk).first()
        if locked is None or locked.status == Supporter.Status.CONFIRMED:
            return False  # withdrawn meanwhile, or confirmed twice (a double click)
        now = timezone.now()
        locked.status = Supporter.Status.CONFIRMED
        locked.confirmed_at = now
        locked.save(update_fields=["status", "confirmed_at"])
        _send(locked, "welcome", now)
        _names_changed(locked)  # the new supporter sees themselves counted at once
    return True


def set_show_name(supporter: Supporter, show_name: bool) -> None:
    Supporter.objects.filter(pk=supporter.pk).update(show_name=show_name)
    supporter.show_name = show_name
    _names_changed(supporter)


def withdraw(supporter: Supporter) -> None:
    """Erase the supporter entirely; a confirmed one leaves only +1 on the campaign's tally."""
    with transaction.atomic():
        deleted, _ = Supporter.objects.filter(pk=supporter.pk).delete()
        # Their emails go too (they hold the address); one being sent right now is skipped.
        queued = Message.objects.select_for_update(skip_locked=True).filter(topic=_topic(supporter))
        Message.objects.filter(pk__in=list(queued.values_list("pk", flat=True))).delete()
        if deleted and supporter.status == Supporter.Status.CONFIRMED:
            Campaign.objects.filter(pk=supporter.campaign_id).update(
                withdrawn_count=models.F("withdrawn_count") + 1
            )
        _names_changed(supporter)


def unsubscribe(supporter_id) -> bool:
    """Stop updates to this supporter (their sign-up stays); False when already stopped.

    Also sent the first time: apps that queued updates for them cancel what is still waiting.
    """
    with transaction.atomic():
        changed = Supporter.objects.filter(pk=supporter_id, wants_updates=True).update(
            wants_updates=False
        )
        signals.unsubscribed.send(Supporter, supporter_id=supporter_id)
    return bool(changed)


def unsubscribe_url(supporter) -> str:
    token = tokens.make_unsubscribe_token(supporter)
    return absolute_url(reverse("campaigns:supporter-unsubscribe", kwargs={"token": token}))


def _names_changed(supporter):
    """A supporter confirmed, shown or hidden, or gone: the campaign page changes at once."""
    generations.bump(generations.path_name(supporter.campaign.get_absolute_url()))


def purge_stale_pending(*, older_than_days: int) -> int:
    """Delete sign-ups never confirmed: their confirmation links expired long ago."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = Supporter.objects.pending().filter(created_at__lt=cutoff).delete()
    return deleted


def _find_locked(campaign, email):
    return Supporter.objects.select_for_update().filter(campaign=campaign).with_email(email).first()


def _may_email_again(supporter, now):
    """At most one email per interval, unless the last one failed for good."""
    interval = timedelta(minutes=settings.CAMPAIGNS_RESEND_INTERVAL_MINUTES)
    if supporter.last_emailed_at is None or supporter.last_emailed_at <= now - interval:
        return True
    last = Message.objects.filter(topic=_topic(supporter)).values_list("status", flat=True)
    return last.order_by("-created_at", "-pk").first() == Message.Status.FAILED


def _topic(supporter):
    return f"supporter:{supporter.pk}"


def manage_url(supporter) -> str:
    token = tokens.make_manage_token(supporter)
    return absolute_url(reverse("campaigns:supporter-manage", kwargs={"token": token}))


def confirm_url(supporter) -> str:
    token = tokens.make_confirm_token(supporter)
    return absolute_url(reverse("campaigns:supporter-confirm", kwargs={"token": token}))


def _send(supporter, kind, now):
    """Render one of the emails now and queue it in the outbox, in this transaction.

    ``last_emailed_at`` is stamped in the same transaction as the queued message, so it
    means "an email is on its way" (the outbox retries until it is sent).
    """
    supporter.last_emailed_at = now
    supporter.save(update_fields=["last_emailed_at"])
    campaign = supporter.campaign
    context = {
        "supporter": supporter,
        "campaign": campaign,
        "campaign_url": absolute_url(campaign.get_absolute_url()),
        "manage_url": manage_url(supporter),
        "confirm_url": confirm_url(supporter) if kind == "confirm" else "",
        "max_age_days": settings.CAMPAIGNS_CONFIRM_MAX_AGE_DAYS,
        "manage_max_age_days": settings.CAMPAIGNS_MANAGE_MAX_AGE_DAYS,
        "SITE_NAME": settings.SITE_NAME,
    }
    enqueue(
        to=supporter.email,
        subject=render_to_string(f"campaigns/email/{kind}_subject.txt", context),
        body=render_to_string(f"campaigns/email/{kind}.txt", context),
        key=f"supporter:{supporter.pk}:{kind}:{now.isoformat()}",
        topic=_topic(supporter),
    )
