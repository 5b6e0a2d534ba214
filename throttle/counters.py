"""hit(), count() and clear(): the rate-limit counters (see throttle/__init__.py)."""

from datetime import UTC, datetime, timedelta

from django.db import connection
from django.db.models import F
from django.utils import timezone

from core.clientip import client_ip, hash_value
from throttle.models import Counter

# One statement: PostgreSQL serialises concurrent upserts of a row, so no count is lost.
_UPSERT = """
INSERT INTO throttle_counter (scope, key, window_start, expires_at, count)
VALUES (%s, %s, %s, %s, %s)
ON CONFLICT (scope, key, window_start)
DO UPDATE SET count = throttle_counter.count + EXCLUDED.count
RETURNING count
"""


def _window(window, now=None):
    now = now or timezone.now()
    start = int(now.timestamp()) // window * window
    start_at = datetime.fromtimestamp(start, tz=UTC)
    return start_at, start_at + timedelta(seconds=window)


def hit(scope, value, *, limit, window):
    """Count one action for ``value`` (an IP address, a login name…) in ``scope``.

    True while the count in the current window is at most ``limit``; the action that makes
    it ``limit + 1`` and every later one get False.
    """
    return add(scope, value, window=window) <= limit


def add(scope, value, *, window, amount=1):
    """Add ``amount`` to the current window's counter and return the new count."""
    start, end = _window(window)
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, [scope, hash_value(value), start, end, amount])
        return cursor.fetchone()[0]


def count(scope, value, *, window):
    """The current window's count, without counting anything."""
    start, _end = _window(window)
    found = (
        Counter.objects.filter(scope=scope, key=hash_value(value), window_start=start)
        .values_list("count", flat=True)
        .first()
    )
    return found or 0


def refund(scope, value, *, window):
    """Take back one action counted in the current window (one that turned out legitimate)."""
    start, _end = _window(window)
    Counter.objects.filter(
        scope=scope, key=hash_value(value), window_start=start, count__gt=0
    ).update(count=F("count") - 1)


def window_ends(window):
    """When the current window of this length ends (a limit reached now lifts then)."""
    return _window(window)[1]


def clear(scope, value):
    """Forget every window of ``value`` in ``scope`` (e.g. after a successful login)."""
    Counter.objects.filter(scope=scope, key=hash_value(value)).delete()


def hit_ip(scope, request, *, limit, window):
    """hit() keyed by the sender's IP address (hashed, as everything here)."""
    return hit(scope, client_ip(request), limit=limit, window=window)


def purge_expired():
    deleted, _ = Counter.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
