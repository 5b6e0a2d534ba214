"""The half-done login: who passed the password step, kept in the session until the code.

Nobody is logged in here. The state holds the account, when the password was right, the
account's session hash (a password change in between voids it) and where to go afterwards.
"""

import time

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import get_user_model
from django.utils.crypto import constant_time_compare

KEY = "accounts.pending"
ENROLLING = "accounts.enrolling"  # the id of the authenticator being set up


def start(request, user, *, next_url):
    # A new session key: a session id planted before the password step is worth nothing.
    request.session.cycle_key()
    request.session[KEY] = {
        "user": user.pk,
        "at": time.time(),
        "hash": user.get_session_auth_hash(),
        "backend": user.backend,
        "next": next_url,
    }


def clear(request):
    request.session.pop(KEY, None)
    request.session.pop(ENROLLING, None)


def user(request):
    """The account half-way through logging in, or None (never started, expired, voided)."""
    data = request.session.get(KEY)
    if not isinstance(data, dict):
        return None
    started = data.get("at")
    if not isinstance(started, float) or (
        time.time() - started > settings.ACCOUNTS_LOGIN_STEP_MINUTES * 60
    ):
        clear(request)
        return None
    found = (
        get_user_model().objects.filter(pk=data.get("user"), is_active=True, is_staff=True).first()
    )
    if found is None or not constant_time_compare(
        found.get_session_auth_hash(), data.get("hash", "")
    ):
        clear(request)
        return None
    return found


def finish(request, user, device):
    """Log ``user`` in, verified by ``device``; returns where to go next."""
    data = request.session[KEY]
    user.otp_device = device  # django_otp's user_logged_in receiver stores it in the session
    auth.login(request, user, backend=data["backend"])
    clear(request)
    return data["next"]
