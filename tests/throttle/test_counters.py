import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from throttle import counters
from throttle.models import Counter

pytestmark = pytest.mark.django_db


def test_hits_are_allowed_up_to_the_limit_then_refused():
    results = [counters.hit("signup", "192.0.2.1", limit=3, window=600) for _ in range(5)]
    assert results == [True, True, True, False, False]
    assert counters.count("signup", "192.0.2.1", window=600) == 5


def test_scopes_and_keys_count_apart():
    counters.hit("signup", "192.0.2.1", limit=1, window=600)
    assert counters.hit("signup", "192.0.2.2", limit=1, window=600)
    assert counters.hit("comment", "192.0.2.1", limit=1, window=600)


def test_the_value_is_stored_only_as_a_salted_hash():
    counters.hit("login", "rosa@example.org", limit=5, window=600)
    counter = Counter.objects.get()
    assert "rosa" not in counter.key and len(counter.key) == 64


def test_clear_forgets_the_key():
    counters.hit("login", "rosa", limit=5, window=600)
    counters.clear("login", "rosa")
    assert counters.count("login", "rosa", window=600) == 0


def test_a_new_window_starts_from_zero(monkeypatch):
    counters.hit("signup", "ip", limit=1, window=60)
    later = timezone.now() + timedelta(seconds=61)
    monkeypatch.setattr(counters.timezone, "now", lambda: later)
    assert counters.hit("signup", "ip", limit=1, window=60)


def test_daily_command_purges_expired_counters():
    counters.hit("signup", "ip", limit=1, window=60)
    Counter.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    counters.hit("other", "ip", limit=1, window=600)
    call_command("daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(Counter.objects.values_list("scope", flat=True)) == ["other"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_hits_are_counted_exactly():
    allowed = []
    barrier = threading.Barrier(20)

    def send():
        barrier.wait()
        allowed.append(counters.hit("signup", "198.51.100.7", limit=5, window=600))
        connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(allowed) == [False] * 15 + [True] * 5
    assert counters.count("signup", "198.51.100.7", window=600) == 20
