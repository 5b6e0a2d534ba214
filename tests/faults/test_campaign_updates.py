"""A campaign update to many supporters through the real worker: killed, restarted, cut off
from its mail server, and an erasure in the middle. Every email once, none twice, and an
erased person gets nothing more."""

import time

import pytest
from django.db import transaction
from django.utils import timezone

from campaigns.models import Supporter
from outbox.models import Message
from personaldata import finder
from tests.campaigns.factories import make_campaign
from tests.faults.processes import start_worker
from tests.faults.smtp import SmtpSink
from tests.updates.factories import make_update
from updates.models import Delivery, Update
from updates.sending import start_sending

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]


def _wait(predicate, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def _update_for(n):
    campaign = make_campaign()
    now = timezone.now()
    Supporter.objects.bulk_create(
        Supporter(
            campaign=campaign,
            name=f"Supporter {i}",
            email=f"s{i}@example.org",
            country="GB",
            status=Supporter.Status.CONFIRMED,
            confirmed_at=now,
            wants_updates=True,
        )
        for i in range(n)
    )
    update = make_update(campaign, subject="Campaign news")
    with transaction.atomic():
        start_sending(update, user=None)
    return update


def _received(sink):
    with sink.lock:
        return [m["to"][0] for m in sink.messages]


def _all_once(sink, n):
    received = _received(sink)
    assert len(received) == len(set(received)) == n
    assert set(received) == {f"s{i}@example.org" for i in range(n)}
    assert Delivery.objects.filter(state=Delivery.State.SENT).count() == n


def _env(worker_env, sink, **extra):
    return worker_env(EMAIL_PORT=sink.port, CAMPAIGN_UPDATES_PER_MINUTE=10_000_000, **extra)


def test_a_worker_killed_after_half_of_1000_and_restarted_sends_each_exactly_once(
    real_queue, worker_env, tmp_path
):
    total = 1000
    sink = SmtpSink().start()
    seen = []
    sink.trap = lambda record: seen.append(record) or len(seen) == total // 2 + 1
    _update_for(total)
    worker = start_worker(_env(worker_env, sink), tmp_path / "worker.log")
    try:
        assert sink.trapped.wait(240), worker.output()
        worker.kill()  # mid-send of the 501st: its "250" never comes
        sink.trap = None
        sink.release.set()
        assert len(_received(sink)) == total // 2
        assert Delivery.objects.filter(state=Delivery.State.SENT).count() == total // 2
        worker = start_worker(_env(worker_env, sink), tmp_path / "worker2.log")
        assert sink.wait_for(total, timeout=240), worker.output()
        time.sleep(2)  # any duplicate would arrive meanwhile
        _all_once(sink, total)
    finally:
        worker.stop()
        sink.stop()


def test_a_worker_killed_while_queueing_and_again_while_sending_loses_and_repeats_nothing(
    real_queue, worker_env, tmp_path
):
    total = 600
    sink = SmtpSink().start()
    seen = []
    sink.trap = lambda record: seen.append(record) or len(seen) == 300
    update = _update_for(total)
    worker = start_worker(_env(worker_env, sink), tmp_path / "worker1.log")
    try:
        # First kill: some batches are queued, not all.
        assert _wait(lambda: Delivery.objects.count() >= 200, timeout=120), worker.output()
        worker.kill()
        update.refresh_from_db()
        queued_before = Delivery.objects.count()
        assert update.status == Update.Status.QUEUEING and queued_before < total
        assert queued_before % 200 == 0  # whole batches only
        # The restarted worker's sweep notices the silent queueing and resumes it.
        worker = start_worker(_env(worker_env, sink), tmp_path / "worker2.log")
        assert sink.trapped.wait(240), worker.output()
        worker.kill()  # second kill, mid-send
        sink.trap = None
        sink.release.set()
        worker = start_worker(_env(worker_env, sink), tmp_path / "worker3.log")
        assert sink.wait_for(total, timeout=240), worker.output()
        time.sleep(2)
        _all_once(sink, total)
        assert Update.objects.get().status == Update.Status.QUEUED
        assert Message.objects.count() == total
    finally:
        worker.stop()
        sink.stop()


def test_a_mail_server_down_for_the_whole_send_gets_everything_once_when_back(
    real_queue, worker_env, tmp_path
):
    total = 40
    sink = SmtpSink()  # not started: refused
    _update_for(total)
    worker = start_worker(_env(worker_env, sink), tmp_path / "worker.log")
    try:
        pending = Message.objects.filter(status=Message.Status.PENDING)
        assert _wait(lambda: Update.objects.filter(status=Update.Status.QUEUED).exists())
        assert _wait(lambda: not pending.filter(attempts__lt=2).exists(), timeout=90), (
            worker.output()
        )
        assert pending.count() == total
        assert Delivery.objects.filter(state=Delivery.State.QUEUED).count() == total
        sink.start()
        assert sink.wait_for(total, timeout=60), worker.output()
        time.sleep(3)
        _all_once(sink, total)
    finally:
        worker.stop()
        sink.stop()


def test_an_erasure_during_the_send_stops_that_persons_mail(real_queue, worker_env, tmp_path):
    total = 60
    sink = SmtpSink().start()
    _update_for(total)
    # Five a second: the send takes twelve seconds, the erasure comes after the first ten.
    worker = start_worker(
        worker_env(EMAIL_PORT=sink.port, CAMPAIGN_UPDATES_PER_MINUTE=300), tmp_path / "w.log"
    )
    try:
        assert sink.wait_for(10, timeout=60), worker.output()
        last = f"s{total - 1}@example.org"  # queued last: not sent yet
        assert last not in _received(sink)
        erased = finder.erase(last, user=None, request=None)
        assert erased["sign-ups"] == 1
        assert sink.wait_for(total - 1, timeout=60), worker.output()
        time.sleep(2)
        received = _received(sink)
        assert last not in received
        assert len(received) == len(set(received)) == total - 1
        assert not Message.objects.filter(to=last).exists()
    finally:
        worker.stop()
        sink.stop()
