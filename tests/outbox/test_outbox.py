import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from outbox import sending
from outbox.api import enqueue, enqueue_batch, retry_failed
from outbox.models import Message
from outbox.sending import deliver, requeue_stalled
from tests.blog.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def db_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _email(**overrides):
    return {"to": "ana@example.org", "subject": "Hello\nthere", "body": "Body.", **overrides}


def test_a_message_and_its_task_commit_or_roll_back_together(db_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(**_email())
        raise RuntimeError("the change that caused it failed")
    assert (Message.objects.count(), DBTaskResult.objects.count()) == (0, 0)
    message = enqueue(**_email())
    assert message.subject == "Hello there"  # one line: a header
    assert str(message.task_id) == str(DBTaskResult.objects.get().id)


def test_the_same_key_is_queued_once(db_queue):
    first = enqueue(**_email(key="update:1:ana"))
    again = enqueue(**_email(key="update:1:ana", body="Other"))
    assert again.pk == first.pk
    assert (Message.objects.count(), DBTaskResult.objects.count()) == (1, 1)


def test_delivery_marks_the_row_sent_with_a_stable_message_id(db_queue):
    message = enqueue(**_email())
    assert deliver(message.pk) == "sent"
    assert deliver(message.pk) == "skipped"  # a duplicate nudge sends nothing
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Message-ID"] == f"<{message.message_id}@localhost>"
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.SENT, 1)
    assert message.sent_at is not None


def test_an_unreachable_server_is_retried_later_with_back_off(db_queue, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9
    settings.OUTBOX_RETRY_BASE_SECONDS = 30
    message = enqueue(**_email())
    assert deliver(message.pk) == Message.Status.PENDING
    message.refresh_from_db()
    assert message.attempts == 1
    assert timedelta(seconds=29) < message.send_after - timezone.now() < timedelta(seconds=34)
    retry = DBTaskResult.objects.get(id=message.task_id)
    assert retry.status == "READY" and retry.run_after > timezone.now()
    assert deliver(message.pk) == "not due"


def test_back_off_doubles_up_to_the_cap(settings):
    settings.OUTBOX_RETRY_BASE_SECONDS, settings.OUTBOX_RETRY_MAX_SECONDS = 30, 3600
    delays = [sending.retry_delay(n).total_seconds() for n in (1, 2, 3, 10)]
    assert 30 <= delays[0] <= 33 and 60 <= delays[1] <= 66 and 120 <= delays[2] <= 132
    assert 3600 <= delays[3] <= 3960


def test_a_permanent_refusal_fails_at_once_and_can_be_sent_again(db_queue, monkeypatch):
    def refuse(message):
        raise smtplib.SMTPRecipientsRefused({message.to: (550, b"no such user")})

    monkeypatch.setattr(sending, "_smtp_send", refuse)
    message = enqueue(**_email())
    assert deliver(message.pk) == Message.Status.FAILED
    monkeypatch.undo()
    assert retry_failed(Message.objects.all()) == 1
    assert deliver(message.pk) == "sent"


def test_after_the_give_up_time_a_failing_message_is_failed(db_queue, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9
    settings.OUTBOX_GIVE_UP_AFTER_HOURS = 1
    message = enqueue(**_email())
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(hours=2))
    assert deliver(message.pk) == Message.Status.FAILED
    assert "refused" in Message.objects.get().last_error.lower()


def test_the_sweep_requeues_a_message_whose_worker_died(db_queue, settings):
    settings.OUTBOX_STALLED_AFTER_SECONDS = 60
    waiting = enqueue(**_email(to="waiting@example.org"))
    orphan = enqueue(**_email(to="orphan@example.org"))
    long_ago = timezone.now() - timedelta(minutes=5)
    Message.objects.update(send_after=long_ago)
    DBTaskResult.objects.filter(id=orphan.task_id).update(status="RUNNING", started_at=long_ago)
    assert requeue_stalled() == 1
    orphan.refresh_from_db()
    assert DBTaskResult.objects.get(id=orphan.task_id).status == "READY"
    assert str(Message.objects.get(pk=waiting.pk).task_id) == str(waiting.task_id)  # queued


def test_a_batch_is_paced_and_safe_to_queue_again(db_queue):
    emails = [_email(to=f"r{n}@example.org", key=f"batch:{n}") for n in range(3)]
    start = timezone.now()
    assert enqueue_batch(emails, per_minute=60, start=start) == 3
    times = list(Message.objects.order_by("key").values_list("send_after", flat=True))
    assert [t - start for t in times] == [timedelta(seconds=n) for n in range(3)]
    assert enqueue_batch(emails, per_minute=60) == 0


def test_failed_emails_are_visible_and_sent_again_from_the_admin(client, db_queue):
    failed = enqueue(**_email(subject="Refused one"))
    Message.objects.filter(pk=failed.pk).update(status=Message.Status.FAILED, last_error="550")
    client.force_login(make_user(is_staff=True, is_superuser=True))
    page = client.get("/admin/outbox/message/?status__exact=failed")
    assert "Refused one" in page.text
    response = client.post(
        "/admin/outbox/message/", {"action": "send_again", "_selected_action": [failed.pk]}
    )
    assert response.status_code == 302
    assert Message.objects.get().status == Message.Status.PENDING


def test_sent_emails_are_purged_after_the_retention_period(db_queue, settings):
    settings.OUTBOX_RETENTION_DAYS = 30
    old, recent = enqueue(**_email()), enqueue(**_email())
    Message.objects.update(status=Message.Status.SENT, sent_at=timezone.now())
    Message.objects.filter(pk=old.pk).update(sent_at=timezone.now() - timedelta(days=31))
    call_command("purge_outbox")
    assert list(Message.objects.values_list("pk", flat=True)) == [recent.pk]
