"""Sending one stored message: the task the worker runs, its retries, and the sweep.

The promise is "sent exactly once, unless the worker dies in one narrow window": the row is
locked (``SELECT … FOR UPDATE SKIP LOCKED``) for the whole SMTP conversation, and the
transaction that marks it sent is the one that holds the lock. A worker killed before the
server accepted the message leaves the row pending (PostgreSQL rolls back), and it is sent
later. Only a crash between the server's "250 accepted" and our COMMIT (a few milliseconds)
can send it twice; the Message-ID header stays the same, so receiving servers may drop it.
"""

import contextlib
import logging
import random
import smtplib
import threading
import time
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends import smtp
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TASK_MAX_PRIORITY, TASK_MIN_PRIORITY, TaskResultStatus
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from outbox.models import Message
from outbox.signals import status_changed

logger = logging.getLogger(__name__)


class PermanentFailure(Exception):
    """The mail server refused this message for good: retrying cannot help."""


@task()
def send_message(message_id: int) -> str:
    """Send one message if it is still pending; a no-op for a duplicate or late nudge."""
    return deliver(message_id)


def deliver(message_id, *, now=None):
    with transaction.atomic():
        message = (
            Message.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=Message.Status.PENDING)
            .first()
        )
        if message is None:
            return "skipped"  # sent or failed already, or another worker is sending it
        now = now or timezone.now()
        if message.send_after > now + timedelta(seconds=1):
            return "not due"  # an early nudge; the task queued for send_after sends it
        message.attempts += 1
        message.last_attempt_at = now
        try:
            _smtp_send(message)
        except Exception as exc:  # every failure is recorded on the row, none is lost
            return _record_failure(message, exc, now)
        message.status = Message.Status.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
        message.save(
            update_fields=["status", "sent_at", "attempts", "last_attempt_at", "last_error"]
        )
        # In this transaction: whatever the app that queued it records (a delivery's state)
        # commits with "sent", or rolls back with it.
        status_changed.send(Message, message=message)
    logger.info("outbox: sent message %s (attempt %d)", message.pk, message.attempts)
    return "sent"


def _smtp_send(message):
    domain = parseaddr(message.from_email)[1].rpartition("@")[2] or "outbox.invalid"
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body,
        from_email=message.from_email,
        to=[message.to],
        headers={**message.headers, "Message-ID": f"<{message.message_id}@{domain}>"},
    )
    if message.html_body:
        email.attach_alternative(message.html_body, "text/html")
    # The SMTP backend takes EMAIL_TIMEOUT from the settings: a server that accepts the
    # connection and never answers costs one timeout, then a retry.
    connection = _open_connection()
    try:
        sent = connection.send_messages([email])
    except BaseException:
        _close_connection()  # half-way through a conversation: start the next one afresh
        raise
    if connection is getattr(_held, "connection", None):
        _held.used_at = time.monotonic()
    if not sent:
        raise smtplib.SMTPException("the mail backend sent nothing")


# One conversation with the mail server per worker thread, kept for the next message while
# the worker is busy (a campaign update's thousands), instead of connecting, greeting,
# encrypting and logging in for each one. Idle a moment, it is checked with NOOP; idle longer
# than OUTBOX_SMTP_REUSE_SECONDS (servers drop quiet clients), it is closed and opened anew.
_held = threading.local()
_CHECK_AFTER_SECONDS = 2


def _server():
    """What the connection is to: a change of settings (tests change them) means a new one."""
    names = ("EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_USE_TLS",
             "EMAIL_USE_SSL")  # fmt: skip
    return tuple(getattr(settings, name, None) for name in names)


def _open_connection():
    connection = getattr(_held, "connection", None)
    if connection is not None:
        idle = time.monotonic() - _held.used_at
        if (
            _held.server != _server()
            or idle > settings.OUTBOX_SMTP_REUSE_SECONDS
            or (idle > _CHECK_AFTER_SECONDS and not _answers(connection))
        ):
            _close_connection()
            connection = None
    if connection is None:
        connection = get_connection(fail_silently=False)
        if not isinstance(connection, smtp.EmailBackend):
            return connection  # console, file, memory: nothing to keep open
        connection.open()  # opened here, so send_messages leaves it open
        _held.connection, _held.used_at, _held.server = connection, time.monotonic(), _server()
    return connection


def _answers(connection):
    try:
        return connection.connection.noop()[0] == 250
    except (AttributeError, OSError, smtplib.SMTPException):  # AttributeError: closed
        return False


def _close_connection():
    connection, _held.connection = getattr(_held, "connection", None), None
    if connection is not None:
        with contextlib.suppress(Exception):  # a dead connection may fail to say goodbye
            connection.close()


def is_permanent(exc) -> bool:
    """5xx answers about this message or its recipient; everything else may pass later."""
    if isinstance(exc, PermanentFailure):
        return True
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _msg in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return False  # our configuration, not the message: keep it until someone fixes it
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code >= 500
    # Outages: refused or reset connections, timeouts, DNS failures, disconnects.
    return not isinstance(exc, OSError | smtplib.SMTPException)


def retry_delay(attempts) -> timedelta:
    """Exponential back-off (base × 2ⁿ, capped), with a little jitter against stampedes."""
    base = settings.OUTBOX_RETRY_BASE_SECONDS
    delay = min(base * 2 ** max(0, attempts - 1), settings.OUTBOX_RETRY_MAX_SECONDS)
    return timedelta(seconds=delay * random.uniform(1.0, 1.1))


def _record_failure(message, exc, now):
    message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    gave_up_at = message.created_at + timedelta(hours=settings.OUTBOX_GIVE_UP_AFTER_HOURS)
    if is_permanent(exc) or now >= gave_up_at:
        message.status = Message.Status.FAILED
        logger.error("outbox: message %s failed for good: %s", message.pk, message.last_error)
    else:
        message.send_after = now + retry_delay(message.attempts)
        logger.warning(
            "outbox: message %s not sent (attempt %d), next try at %s: %s",
            message.pk,
            message.attempts,
            message.send_after.isoformat(timespec="seconds"),
            message.last_error,
        )
    message.save(
        update_fields=["status", "attempts", "last_attempt_at", "last_error", "send_after"]
    )
    if message.status == Message.Status.PENDING:
        schedule(message)
    else:
        status_changed.send(Message, message=message)
    return message.status


def uses_database_queue() -> bool:
    return isinstance(send_message.get_backend(), DatabaseBackend)


def schedule(message):
    """Queue the task that sends ``message`` at its ``send_after``, in the caller's transaction.

    With the database backend the task row commits (or rolls back) with the message. Any
    other backend (the immediate one in tests) cannot share our transaction, so it is handed
    the task once the transaction commits; a message not yet due waits for the worker's sweep.
    """
    if uses_database_queue():
        priority = max(TASK_MIN_PRIORITY, min(TASK_MAX_PRIORITY, message.priority))
        later = message.send_after if message.send_after > timezone.now() else None
        result = send_message.using(priority=priority, run_after=later).enqueue(message.pk)
        message.task_id = result.id
        Message.objects.filter(pk=message.pk).update(task_id=result.id)
    elif message.send_after <= timezone.now():
        pk = message.pk
        # robust: a failure here must not undo the change that queued the message.
        transaction.on_commit(lambda: send_message.enqueue(pk), robust=True)


def requeue_stalled(*, now=None, limit=500) -> int:
    """Give a new task to due messages whose task can no longer send them.

    That is a task that finished without sending (the database went away mid-send), or one
    still marked running long after any SMTP timeout: its worker was killed. Duplicate nudges
    are harmless (``deliver`` skips what is locked or no longer pending).
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.OUTBOX_STALLED_AFTER_SECONDS)
    live = DBTaskResult.objects.filter(
        Q(status=TaskResultStatus.READY)
        | Q(status=TaskResultStatus.RUNNING, started_at__gte=cutoff)
    ).values("id")
    requeued = 0
    with transaction.atomic():
        stalled = (
            Message.objects.due(cutoff)
            .filter(Q(task_id__isnull=True) | ~Q(task_id__in=live))
            .order_by("send_after")
            .select_for_update(skip_locked=True)[:limit]
        )
        for message in stalled:
            schedule(message)
            requeued += 1
    if requeued:
        logger.warning("outbox: requeued %d stalled messages", requeued)
    return requeued
