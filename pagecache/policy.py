"""Who a response may be kept for: the rules the page cache (and nginx, and browsers) follow."""

from django.conf import settings
from django.utils.cache import patch_cache_control

CACHEABLE_TYPES = (
    "text/html",
    "text/plain",
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
)


def is_reader_request(request):
    """A GET or HEAD from someone who is not logged in, outside the staff area.

    Staff carry the session cookie (readers never get one); the admin, the editor's upload
    endpoint and the health check are never public.
    """
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(settings.PRIVATE_PATH_PREFIXES)
    )


def is_public_response(response):
    """A response for everyone: no cookie, nothing personal, no caching rule of its own."""
    control = response.get("Cache-Control", "").lower()
    return (
        not response.cookies
        and not any(word in control for word in ("private", "no-store", "no-cache"))
        and response.status_code < 500
    )


def drop_vary_cookie(response):
    """For a reader's request: the session was only ever looked at to find the visitor
    anonymous, so the bytes do not depend on the Cookie header (requests that carry a
    session never reach a shared copy)."""
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    vary = [v for v in vary if v.lower() != "cookie"]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif "Vary" in response:
        del response["Vary"]


def make_public(response):
    drop_vary_cookie(response)
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PUBLIC_MAX_AGE,
        s_maxage=settings.PUBLIC_SHARED_MAX_AGE,
        stale_while_revalidate=settings.PUBLIC_STALE_WHILE_REVALIDATE,
        stale_if_error=settings.PUBLIC_STALE_IF_ERROR,
    )


def make_private(response):
    """Nobody but the browser that asked may keep this, and not even that one."""
    if "Cache-Control" not in response:
        response["Cache-Control"] = "private, no-store"


def may_store(response):
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    return (
        response.status_code == 200
        and not response.streaming
        and content_type in CACHEABLE_TYPES
        and not response.has_header("Vary")
    )
