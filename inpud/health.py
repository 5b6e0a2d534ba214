"""``/healthz`` for load balancers and monitors: can this process reach what pages need?"""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache():
    cache.set("healthz", "ok", 10)
    return cache.get("healthz") == "ok"


@never_cache
@require_safe
def healthz(request):
    """200 when the database and the cache answer, else 503; no cookie, never cached."""
    checks = {}
    for name, check in (("database", _database), ("cache", _cache)):
        try:
            checks[name] = "ok" if check() else "failing"
        except Exception as exc:  # the point is to report it, not to fail with it
            logger.warning("healthz: %s unavailable: %s", name, exc)
            checks[name] = "unavailable"
    healthy = all(value == "ok" for value in checks.values())
    response = JsonResponse({"status": "ok" if healthy else "unavailable", **checks})
    if not healthy:
        response.status_code = 503
        response["Retry-After"] = "10"
    return response
