"""Send one campaign update to 10,000 supporters through the real outbox worker.

A local SMTP sink (aiosmtpd) receives the mail; ``manage.py outbox_worker`` processes run
against the benchmark's database. Reports how long queueing took (the worker's task that
renders every copy and stores its outbox message) and how long until the sink had every
email, with one worker and the pace setting out of the way. Run with
``make bench BENCH_ARGS=campaign_updates``.
"""

import logging
import tempfile
import time

from django.db import connection
from django.test import override_settings
from django.utils import timezone

from campaigns.models import Campaign, Supporter
from outbox.models import Message
from tests.faults.processes import start_worker, subprocess_env, test_database_url
from tests.faults.smtp import SmtpSink
from updates.models import Delivery, Update
from updates.sending import start_sending

RECIPIENTS = 10_000
WORKERS = (1,)


def _supporters(campaign, n):
    now = timezone.now()
    Supporter.objects.bulk_create(
        [
            Supporter(
                campaign=campaign,
                name=f"Supporter {i}",
                email=f"supporter{i}@example.org",
                country="GB",
                status=Supporter.Status.CONFIRMED,
                confirmed_at=now,
                wants_updates=True,
            )
            for i in range(n)
        ],
        batch_size=5000,
    )


def _wait(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return time.monotonic()
        time.sleep(0.2)
    raise TimeoutError


def _one_run(campaign, workers, sink, log_dir):
    Message.objects.all().delete()
    update = Update.objects.create(campaign=campaign, subject="Bench news", body="News " * 60)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        start_sending(update, user=None)
    env = subprocess_env(
        test_database_url(), EMAIL_PORT=sink.port, CAMPAIGN_UPDATES_PER_MINUTE=10_000_000
    )
    before = len(sink.message_ids())
    started = time.monotonic()
    processes = [start_worker(env, f"{log_dir}/worker{n}.log") for n in range(workers)]
    try:
        queued = _wait(
            lambda: Update.objects.filter(pk=update.pk, status=Update.Status.QUEUED).exists(),
            timeout=1800,
        )
        done = _wait(lambda: len(sink.message_ids()) - before >= RECIPIENTS, timeout=3600)
    finally:
        for process in processes:
            process.stop()
    ids = sink.message_ids()[before:]
    sent = Delivery.objects.filter(update=update, state=Delivery.State.SENT).count()
    return (
        f"{workers} worker(s): queued {RECIPIENTS:,} in {queued - started:.1f} s, all received "
        f"after {done - started:.1f} s ({RECIPIENTS / (done - started):.0f} emails/s); "
        f"{len(ids):,} received, {len(set(ids)):,} distinct, {sent:,} deliveries marked sent"
    )


def run():
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd: a line per connection
    campaign = Campaign.objects.create(
        title="Bench campaign", slug="bench-campaign", summary="Bench.", status="open"
    )
    _supporters(campaign, RECIPIENTS)
    connection.close()  # the workers need the database to themselves as little as possible
    sink = SmtpSink().start()
    lines = []
    try:
        with tempfile.TemporaryDirectory() as log_dir:
            for workers in WORKERS:
                lines.append(_one_run(campaign, workers, sink, log_dir))
    finally:
        sink.stop()
    return lines
