"""A delivery follows its outbox message, in the outbox's own transaction."""

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
