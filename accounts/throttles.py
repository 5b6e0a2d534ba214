"""Login, code and password-reset throttles, on the PostgreSQL counters (throttle/).

Every attempt is counted *before* it is checked, in one atomic upsert, so however many
server processes take attempts at once, exactly ``limit`` of them are checked per window
and the rest are refused without hashing a password. A success clears the account's count.
Counts are keyed by the name typed (lower-cased), so a name with no account is throttled
exactly like a real one and the answer never tells them apart.
"""

import math

from django.conf import settings
from django.utils import timezone
from django.utils.translation import ngettext

from core.clientip import client_ip
from throttle import counters

RESET_WINDOW = 60 * 60


def _lock_window():
    return settings.ACCOUNTS_LOCK_MINUTES * 60


def _name(value) -> str:
    return str(value).strip().lower()[:254]


def password_attempt(request, username) -> bool:
    """Count one password attempt; False when it must be refused unchecked."""
    window = _lock_window()
    account = counters.hit(
        "login-account", _name(username), limit=settings.ACCOUNTS_LOGIN_ATTEMPTS, window=window
    )
    sender = counters.hit_ip(
        "login-ip", request, limit=settings.ACCOUNTS_LOGIN_IP_ATTEMPTS, window=window
    )
    return account and sender


def password_succeeded(request, username):
    counters.clear("login-account", _name(username))
    counters.refund("login-ip", client_ip(request), window=_lock_window())


def code_attempt(user) -> bool:
    """Count one one-time-code attempt for ``user``; False when it must be refused unchecked."""
    return counters.hit(
        "login-code", str(user.pk), limit=settings.ACCOUNTS_CODE_ATTEMPTS, window=_lock_window()
    )


def code_succeeded(user):
    counters.clear("login-code", str(user.pk))


def reset_attempt(request, email) -> bool:
    """Count one password-reset request; False when it must be refused."""
    address = counters.hit(
        "password-reset", _name(email), limit=settings.ACCOUNTS_RESET_ATTEMPTS, window=RESET_WINDOW
    )
    sender = counters.hit_ip(
        "password-reset-ip", request, limit=settings.ACCOUNTS_RESET_IP_ATTEMPTS, window=RESET_WINDOW
    )
    return address and sender


def _minutes_left(window):
    seconds = (counters.window_ends(window) - timezone.now()).total_seconds()
    return max(1, math.ceil(seconds / 60))


def locked_message():
    minutes = _minutes_left(_lock_window())
    return ngettext(
        "Too many attempts. To protect staff accounts, logging in is paused: "
        "try again in %(minutes)d minute.",
        "Too many attempts. To protect staff accounts, logging in is paused: "
        "try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def reset_locked_message():
    minutes = _minutes_left(RESET_WINDOW)
    return ngettext(
        "Too many password-reset requests. Try again in %(minutes)d minute.",
        "Too many password-reset requests. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
