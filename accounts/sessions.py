"""Staff sessions: when they end by themselves, and ending a person's other sessions.

Only staff have sessions (readers never get a cookie), so the session table is small and
reading it to find one person's sessions is cheap.
"""

import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone

from accounts import pending

LOGIN_AT = "accounts.login_at"
SEEN_AT = "accounts.seen_at"
# Refresh the last-seen time at most this often, so a busy editor's session is not written
# on every request.
TOUCH_EVERY_SECONDS = 60

IDLE, EXPIRED, UNVERIFIED = "idle", "expired", "unverified"


def stamp_login(sender, request, user, **kwargs):
    """user_logged_in receiver: the session's clock starts now."""
    session = getattr(request, "session", None)
    if session is not None:
        session[LOGIN_AT] = session[SEEN_AT] = time.time()


def problem(request):
    """Why this logged-in session must end now (IDLE, EXPIRED, UNVERIFIED), or None."""
    session, now = request.session, time.time()
    login_at, seen_at = session.get(LOGIN_AT), session.get(SEEN_AT)
    if not isinstance(login_at, int | float) or not isinstance(seen_at, int | float):
        return EXPIRED  # a session from before these rules: log in again
    if now - login_at > settings.ACCOUNTS_SESSION_MAX_HOURS * 3600:
        return EXPIRED
    if now - seen_at > settings.ACCOUNTS_SESSION_IDLE_MINUTES * 60:
        return IDLE
    verified = getattr(request.user, "is_verified", None)
    if settings.ACCOUNTS_REQUIRE_TWO_FACTOR and not (verified and verified()):
        return UNVERIFIED
    return None


def touch(request):
    now = time.time()
    if now - request.session.get(SEEN_AT, 0) >= TOUCH_EVERY_SECONDS:
        request.session[SEEN_AT] = now


def _belongs_to(data, user):
    step = data.get(pending.KEY)
    return data.get(SESSION_KEY) == str(user.pk) or (
        isinstance(step, dict) and step.get("user") == user.pk
    )


def end_other_sessions(user, *, keep=None):
    """End every session of ``user`` (logged in, or half-way through logging in) except the
    one whose key is ``keep``. Returns how many ended."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.session_key != keep and _belongs_to(session.get_decoded(), user)
    ]
    for key in keys:
        store(session_key=key).delete()
    return len(keys)
