"""Queue emails: ``enqueue`` for one, ``enqueue_batch`` for many at a steady rate.

Call them inside the transaction of the change that causes the email: both commit
together. Subjects and bodies are rendered by the caller (in the visitor's language, with
fresh links) and stored as they are.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from outbox.models import Message
from outbox.sending import requeue_stalled, schedule
from outbox.signals import status_changed

__all__ = [
    "enqueue",
    "enqueue_batch",
    "retry_failed",
    "requeue_stalled",
    "forget_address",
    "Message",
]

# Transactional mail (confirmations, moderator notices) goes before bulk mail.
PRIORITY_NORMAL = 10
PRIORITY_BULK = 0


def enqueue(
    *,
    to,
    subject,
    body,
    key=None,
    topic="",
    from_email=None,
    send_after=None,
    priority=PRIORITY_NORMAL,
    html_body="",
    headers=None,
) -> Message:
    """Store one email to one address and queue its sending; returns the row.

    A ``key`` already in the outbox returns the existing row and queues nothing (the same
    message queued twice, e.g. by a retried batch, is sent once).
    """
    return _store(
        to=to,
        subject=subject,
        body=body,
        key=key,
        topic=topic,
        from_email=from_email,
        send_after=send_after,
        priority=priority,
        html_body=html_body,
        headers=headers,
    )[0]


def _store(
    *, to, subject, body, key, topic, from_email, send_after, priority, html_body="", headers=None
):
    subject = " ".join(str(subject).split())  # one line: a header
    defaults = {
        "to": to,
        "subject": subject[:300],
        "body": str(body),
        "topic": topic,
        "from_email": from_email or settings.DEFAULT_FROM_EMAIL,
        "send_after": send_after or timezone.now(),
        "priority": priority,
        "html_body": html_body,
        "headers": {str(k): " ".join(str(v).split()) for k, v in (headers or {}).items()},
    }
    with transaction.atomic():
        message, created = Message.objects.get_or_create(
            key=key or f"msg:{uuid.uuid4()}", defaults=defaults
        )
        if created:
            schedule(message)
    return message, created


def enqueue_batch(emails, *, per_minute=None, start=None, priority=PRIORITY_BULK) -> int:
    """Queue many emails (dicts of ``enqueue``'s arguments), spaced to ``per_minute``.

    Each email's ``key`` makes the batch safe to run again: keys already queued are skipped.
    Returns how many new messages were queued.
    """
    per_minute = per_minute or settings.OUTBOX_BATCH_PER_MINUTE
    start = start or timezone.now()
    gap = timedelta(minutes=1) / per_minute
    queued = 0
    optional = {"key": None, "topic": "", "from_email": None, "priority": priority}
    with transaction.atomic():
        for email in emails:
            _message, created = _store(**{**optional, **email, "send_after": start + gap * queued})
            queued += created
    return queued


def retry_failed(queryset) -> int:
    """Give failed messages a fresh start (the admin's "Send again")."""
    count = 0
    with transaction.atomic():
        for message in queryset.select_for_update().filter(status=Message.Status.FAILED):
            message.status = Message.Status.PENDING
            message.attempts = 0
            message.send_after = timezone.now()
            message.created_at = timezone.now()  # the give-up clock starts again
            message.save(update_fields=["status", "attempts", "send_after", "created_at"])
            schedule(message)
            status_changed.send(Message, message=message)
            count += 1
    return count


def forget_address(address) -> int:
    """Delete the stored emails to ``address`` (case-insensitive): erasing a person.

    One being sent at this very moment is locked by its worker and skipped; it is the last
    one, and ``purge_outbox`` deletes it with the other sent emails.
    """
    with transaction.atomic():
        rows = Message.objects.filter(to__iexact=address).select_for_update(skip_locked=True)
        pks = list(rows.values_list("pk", flat=True))
        deleted, _ = Message.objects.filter(pk__in=pks).delete()
    return deleted
