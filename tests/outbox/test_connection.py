"""The worker keeps its SMTP connection for the next message, and drops one that went away."""

import pytest

from outbox import sending
from outbox.api import enqueue
from outbox.sending import deliver
from tests.faults.smtp import SmtpSink

pytestmark = pytest.mark.django_db


@pytest.fixture
def sink(settings):
    server = SmtpSink().start()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    yield server
    sending._close_connection()
    server.stop()


def _send(count, start=0):
    return [deliver(enqueue(to=f"p{start + i}@example.org", subject="Hi", body="B").pk)
            for i in range(count)]  # fmt: skip


def test_messages_in_a_row_share_one_connection(sink):
    assert _send(10) == ["sent"] * 10
    assert sink.wait_for(10, timeout=5)
    assert sink.connections() == 1
    assert len(set(sink.message_ids())) == 10


def test_a_connection_the_server_dropped_is_opened_again_without_losing_a_message(sink):
    assert _send(3) == ["sent"] * 3
    sink.stop()
    sink.start()  # the same port; the old connection is gone
    sending._held.used_at -= 5  # idle a moment: checked with NOOP before use
    assert _send(3, start=3) == ["sent"] * 3
    assert sink.wait_for(6, timeout=5)
    assert sink.connections() == 2


def test_a_long_idle_connection_is_not_reused(sink, settings):
    settings.OUTBOX_SMTP_REUSE_SECONDS = 30
    _send(1)
    sending._held.used_at -= 31
    _send(1, start=1)
    assert sink.wait_for(2, timeout=5)
    assert sink.connections() == 2


def test_another_mail_server_in_the_settings_gets_its_own_connection(sink, settings):
    _send(1)
    other = SmtpSink().start()
    try:
        settings.EMAIL_PORT = other.port
        _send(1, start=1)
        assert other.wait_for(1, timeout=5)
    finally:
        other.stop()
    assert len(sink.message_ids()) == 1
