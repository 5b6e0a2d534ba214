"""Second factors for tests: authenticators, the codes they show, verified logins."""

import time
from base64 import b32decode

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import devices
from tests.blog.factories import make_staff

PASSWORD = "a-long-test-password"
STEP = 30


def make_authenticator(user, **kwargs):
    kwargs.setdefault("name", "Phone")
    return TOTPDevice.objects.create(user=user, confirmed=True, **kwargs)


def now_step():
    return int(time.time()) // STEP


def code_at(key: bytes, step: int) -> str:
    return f"{hotp(key, step, digits=6):06d}"


def key_from_secret(secret: str) -> bytes:
    """The key from the base32 secret a page shows (grouped by spaces)."""
    text = "".join(secret.split()).upper()
    return b32decode(text + "=" * (-len(text) % 8))


def fresh_code(device) -> str:
    """A code the device accepts now: the current step, or the next one if this step's code
    was already used (codes work once)."""
    device.refresh_from_db()
    return code_at(device.bin_key, max(now_step(), device.last_t + 1))


def make_enrolled_staff(role="Editor", **kwargs):
    """A staff member with a password, an authenticator and recovery codes."""
    kwargs.setdefault("password", PASSWORD)
    user = make_staff(role, **kwargs)
    device = make_authenticator(user)
    codes = devices.make_recovery_codes(user)
    return user, device, codes


def verified_login(client, user, device=None):
    """force_login, and mark the session as verified by ``device`` (as a code would)."""
    device = device or devices.authenticator(user) or make_authenticator(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def log_in_with_password(client, username, password=PASSWORD, *, data=(), **environ):
    """The password step; ``environ`` sets request headers such as REMOTE_ADDR."""
    fields = {"username": username, "password": password, **dict(data)}
    return client.post("/admin/login/", fields, **environ)
