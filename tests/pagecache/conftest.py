import os
import socket
import uuid

import pytest

REDIS = ("127.0.0.1", 6379)


def redis_running():
    try:
        with socket.create_connection(REDIS, timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture(params=["memory", "redis"])
def page_cache(request, settings):
    """The page cache on, in per-process memory or in Redis (the machine's, on 6379).

    Without Redis the Redis run is skipped locally; CI sets REQUIRE_SERVICES=1 and fails.
    """
    settings.PAGE_CACHE = True
    if request.param == "redis":
        if not redis_running():
            if os.environ.get("REQUIRE_SERVICES") == "1":
                pytest.fail("Redis on 127.0.0.1:6379 is required (REQUIRE_SERVICES=1)")
            pytest.skip("no Redis on 127.0.0.1:6379")
        prefix = f"test-{uuid.uuid4().hex[:8]}"
        location = f"redis://{REDIS[0]}:{REDIS[1]}/15"
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}
        settings.CACHE_URL = location
        settings.CACHES = {
            "default": {**backend, "KEY_PREFIX": prefix},
            "pages": {**backend, "KEY_PREFIX": f"{prefix}-pages"},
        }
    yield request.param
    if request.param == "redis":
        from django.core.cache import caches

        caches["default"].clear()  # db 15 is ours alone
