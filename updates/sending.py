"""Sending an update: one task queues every recipient's email in the outbox, batch by batch.

Each batch is one transaction: its supporters' emails (rendered with their own manage and
unsubscribe links), the outbox messages with idempotency keys per (update, supporter), the
``Delivery`` rows, and the update's cursor. A worker killed mid-batch rolls the batch back;
the next task (the worker's sweep starts one when the heartbeat stops) carries on after the
last committed batch. The outbox then sends each message once, paced to
``CAMPAIGN_UPDATES_PER_MINUTE``, retrying with back-off (README "Email").
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from outbox.api import enqueue, enqueue_batch
from outbox.models import Message
from outbox.sending import uses_database_queue
from updates import emails
from updates.models import Delivery, Update
from updates.tracking import STATES, message_key

logger = logging.getLogger(__name__)

BATCH_SIZE = 200


class NotADraft(Exception):
    """Only a draft can be sent (an update is sent once)."""


def start_sending(update, *, user) -> None:
    """Mark the update as being sent and queue the task that queues its emails."""
    with transaction.atomic():
        locked = Update.objects.select_for_update().get(pk=update.pk)
        if locked.status != Update.Status.DRAFT:
            raise NotADraft(update.pk)
        now = timezone.now()
        locked.status = Update.Status.QUEUEING
        locked.sent_by = user
        locked.sending_started_at = now
        locked.heartbeat_at = now
        locked.save(update_fields=["status", "sent_by", "sending_started_at", "heartbeat_at"])
        _queue_task(locked.pk)
    update.refresh_from_db()


def _queue_task(update_id):
    """The task row commits with the caller's transaction (database queue); any other
    backend (the immediate one in tests) gets the task once it commits."""
    if uses_database_queue():
        queue_update.enqueue(update_id)
    else:
        transaction.on_commit(lambda: queue_update.enqueue(update_id), robust=True)


@task()
def queue_update(update_id: int) -> int:
    return queue_remaining(update_id)


def queue_remaining(update_id, *, batch_size=BATCH_SIZE) -> int:
    """Queue the recipients not queued yet, a batch per transaction; returns how many."""
    total = 0
    while True:
        queued = _queue_batch(update_id, batch_size)
        if queued is None:
            return total
        total += queued


def _queue_batch(update_id, batch_size):
    with transaction.atomic():
        # Two tasks for one update (a resumed one and a slow original) take turns here.
        update = Update.objects.select_for_update().filter(pk=update_id).first()
        if update is None or update.status != Update.Status.QUEUEING:
            return None
        now = timezone.now()
        # FOR NO KEY UPDATE: an erasure of one of these supporters waits for this batch to
        # commit, then deletes their delivery and email with them.
        batch = list(
            update.recipients()
            .filter(pk__gt=update.cursor)
            .select_related("campaign")
            .select_for_update(no_key=True, of=("self",))
            .order_by("pk")[:batch_size]
        )
        if not batch:
            update.status = Update.Status.QUEUED
            update.queued_at = now
            update.save(update_fields=["status", "queued_at"])
            logger.info("updates: update %s queued for %d", update.pk, update.recipient_count)
            return None
        start = max(now, update.next_send_at or now)
        per_minute = settings.CAMPAIGN_UPDATES_PER_MINUTE
        enqueue_batch(
            [emails.for_supporter(update, supporter) for supporter in batch],
            per_minute=per_minute,
            start=start,
        )
        keys = {message_key(update, supporter): supporter for supporter in batch}
        messages = Message.objects.filter(key__in=keys).values_list("key", "pk", "status")
        Delivery.objects.bulk_create(
            [
                Delivery(update=update, supporter=keys[key], message_id=pk, state=_state(status))
                for key, pk, status in messages
            ],
            ignore_conflicts=True,
        )
        update.cursor = batch[-1].pk
        update.recipient_count += len(batch)
        update.next_send_at = start + timedelta(minutes=1) / per_minute * len(batch)
        update.heartbeat_at = timezone.now()
        update.save(update_fields=["cursor", "recipient_count", "next_send_at", "heartbeat_at"])
    return len(batch)


def _state(status):
    """A message queued by an earlier, rolled-back run may have been sent meanwhile."""
    return STATES.get(status, Delivery.State.QUEUED)


def resume_stalled(sender=None, **kwargs) -> int:
    """outbox.signals.sweep receiver: restart the queueing of updates whose task died."""
    stale = timezone.now() - timedelta(seconds=settings.OUTBOX_STALLED_AFTER_SECONDS)
    resumed = 0
    with transaction.atomic():
        updates = Update.objects.select_for_update(skip_locked=True).filter(
            status=Update.Status.QUEUEING, heartbeat_at__lt=stale
        )
        for update in updates:
            update.heartbeat_at = timezone.now()
            update.save(update_fields=["heartbeat_at"])
            _queue_task(update.pk)
            resumed += 1
    if resumed:
        logger.warning("updates: resumed queueing of %d updates", resumed)
    return resumed


def send_preview(update, *, to) -> Message:
    """One copy to a staff member, with sample links in place of a supporter's own."""
    email = emails.preview(update)
    return enqueue(to=to, key=f"campaign-update-preview:{update.pk}:{uuid.uuid4()}", **email)
