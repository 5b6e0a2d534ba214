"""The mail server fails; no message is lost, none is sent twice, no request waits for it.

Real processes: the outbox worker (manage.py outbox_worker) against the test database, and
SMTP servers on the loopback (tests/faults/smtp.py). Retry timings are shortened through
the settings (OUTBOX_RETRY_BASE_SECONDS=1, _MAX_SECONDS=2, EMAIL_TIMEOUT=2), so an outage
of OUTAGE_SECONDS exercises the same back-off as a real one of hours.
"""

import time

import pytest
from django.db import transaction
from django.test import Client

from outbox.api import enqueue_batch
from outbox.models import Message
from tests.blog.factories import make_post
from tests.campaigns.factories import make_campaign, signup_data
from tests.comments.factories import form_data, make_moderator
from tests.faults.processes import start_worker
from tests.faults.smtp import HangingServer, SmtpSink

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]

OUTAGE_SECONDS = 8


def _wait(predicate, timeout=30):
    """Poll: a worker on a busy machine may take a few seconds to start."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def _expected_ids():
    return sorted(f"<{m.message_id}@localhost>" for m in Message.objects.all())


def _sign_ups_and_comments(signups=10, comments=5):
    campaign = make_campaign()
    post = make_post()
    make_moderator(email="moderator@example.org")
    started = time.monotonic()
    for n in range(signups):
        response = Client().post(
            f"/campaigns/{campaign.slug}/sign-up/",
            signup_data(email=f"supporter{n}@example.org"),
            REMOTE_ADDR=f"192.0.2.{n + 1}",
        )
        assert response.status_code == 302
    for n in range(comments):
        response = Client().post(
            f"/comments/post/{post.pk}/",
            form_data(body=f"Comment {n}"),
            REMOTE_ADDR=f"198.51.100.{n + 1}",
        )
        assert response.status_code == 302
    return time.monotonic() - started


def test_a_mail_server_refusing_for_a_while_then_back_gets_every_email_once(
    real_queue, worker_env, tmp_path
):
    sink = SmtpSink()  # not started: connections to its port are refused
    worker = start_worker(worker_env(EMAIL_PORT=sink.port), tmp_path / "worker.log")
    try:
        _sign_ups_and_comments()
        outage_started = time.monotonic()
        assert Message.objects.count() == 15  # 10 confirmations, 5 moderator notices
        pending = Message.objects.filter(status=Message.Status.PENDING)
        # It keeps trying, backing off, for the whole outage.
        assert _wait(lambda: not pending.filter(attempts__lt=2).exists()), worker.output()
        time.sleep(max(0, OUTAGE_SECONDS - (time.monotonic() - outage_started)))
        assert pending.count() == 15
        assert "Connection refused" in pending.first().last_error
        sink.start()
        assert sink.wait_for(15, timeout=30), worker.output()
        time.sleep(3)  # any duplicate would arrive meanwhile
        assert sorted(sink.message_ids()) == _expected_ids()
        assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}
    finally:
        worker.stop()
        sink.stop()


def test_a_hanging_mail_server_delays_no_request_and_the_mail_goes_once_it_is_fixed(
    real_queue, worker_env, tmp_path
):
    hanging = HangingServer()
    worker = start_worker(worker_env(EMAIL_PORT=hanging.port), tmp_path / "worker.log")
    sink = SmtpSink().start()
    try:
        elapsed = _sign_ups_and_comments(signups=3, comments=2)
        # Five requests that each queue email; none talks to the mail server.
        print(f"5 form posts with the mail server hanging: {elapsed:.3f}s in all")
        assert elapsed < 5 * 1.0
        started = time.monotonic()
        assert Client().get("/").status_code == 200
        assert time.monotonic() - started < 1.0
        # The worker meets the hanging server and gives up after EMAIL_TIMEOUT (2 s here).
        tried = Message.objects.exclude(last_error="")
        assert _wait(tried.exists), worker.output()
        assert "timed out" in tried.first().last_error
        worker.stop()
        worker = start_worker(worker_env(EMAIL_PORT=sink.port), tmp_path / "worker2.log")
        assert sink.wait_for(5, timeout=30), worker.output()
        time.sleep(2)
        assert sorted(sink.message_ids()) == _expected_ids()
    finally:
        worker.stop()
        hanging.close()
        sink.stop()


def test_a_worker_killed_mid_batch_and_restarted_loses_nothing_and_repeats_nothing(
    real_queue, worker_env, tmp_path
):
    total, kill_at = 100, 40
    sink = SmtpSink().start()
    seen = []
    sink.trap = lambda record: seen.append(record) or len(seen) == kill_at
    with transaction.atomic():
        enqueue_batch(
            (
                {
                    "to": f"r{n}@example.org",
                    "subject": f"Update {n}",
                    "body": "News.",
                    "key": f"u{n}",
                }
                for n in range(total)
            ),
            per_minute=600_000,
        )
    worker = start_worker(worker_env(EMAIL_PORT=sink.port), tmp_path / "worker.log")
    try:
        assert sink.trapped.wait(60), worker.output()
        worker.kill()  # mid-send: the 40th message's DATA is in, its "250" never comes
        sink.trap = None
        sink.release.set()
        assert len(sink.message_ids()) == kill_at - 1
        sent = Message.objects.filter(status=Message.Status.SENT).count()
        assert sent == kill_at - 1  # every accepted message, and only those, marked sent
        worker = start_worker(worker_env(EMAIL_PORT=sink.port), tmp_path / "worker2.log")
        assert sink.wait_for(total, timeout=60), worker.output()
        time.sleep(2)
        ids = sink.message_ids()
        assert len(ids) == len(set(ids)) == total
        assert sorted(ids) == _expected_ids()
    finally:
        worker.stop()
        sink.stop()
