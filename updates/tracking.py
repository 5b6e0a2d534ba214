"""A delivery follows its outbox message, in the outbox's own transaction."""

from django.db import transaction

from outbox.models import Message
from updates.models import Delivery

KEY_PREFIX = "campaign-update:"

STATES = {
    Message.Status.SENT: Delivery.State.SENT,
    Message.Status.FAILED: Delivery.State.FAILED,
    Message.Status.PENDING: Delivery.State.QUEUED,
}


def message_key(update, supporter) -> str:
    return f"{KEY_PREFIX}{update.pk}:supporter:{supporter.pk}"


def follow_message(sender, message, **kwargs):
    """outbox.signals.status_changed receiver: runs before the outbox commits "sent"."""
    if not message.key.startswith(KEY_PREFIX):
        return
    Delivery.objects.filter(message_id=message.pk).update(
        state=STATES[message.status], sent_at=message.sent_at
    )


def cancel_for_unsubscribed(sender, supporter_id, **kwargs):
    """campaigns.signals.unsubscribed receiver: their copies still waiting are not sent.

    One being sent at this moment (locked by its worker) goes; it was already on its way.
    """
    with transaction.atomic():
        waiting = Message.objects.filter(
            status=Message.Status.PENDING,
            pk__in=Delivery.objects.filter(
                supporter_id=supporter_id, state=Delivery.State.QUEUED
            ).values("message_id"),
        ).select_for_update(skip_locked=True)
        pks = list(waiting.values_list("pk", flat=True))
        Delivery.objects.filter(message_id__in=pks).update(
            state=Delivery.State.CANCELLED, message=None
        )
        Message.objects.filter(pk__in=pks).delete()
