"""Per-IP rate limiting without keeping IP addresses.

Counters live in the cache (Redis in production via CACHE_URL, per-process memory otherwise):
they expire by themselves, cost no database writes, and nothing personal is stored, only a
salted HMAC of the address. With the in-memory cache each server process counts on its own,
so the effective limit is multiplied by the number of processes; set CACHE_URL to share it.
"""

import time

from django.core.cache import cache

from core.clientip import client_ip, hash_ip


def hit(scope: str, request, *, limit: int, window: int) -> bool:
    """Count one action for this IP; False once it is over ``limit`` in the current window."""
    bucket = int(time.time() // window)
    key = f"ratelimit:{scope}:{hash_ip(client_ip(request))}:{bucket}"
    # add() is a no-op when the key exists, so concurrent first hits don't reset the count.
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
