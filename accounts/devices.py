"""Second factors (django-otp): an authenticator app (TOTP) and one-time recovery codes."""

from base64 import b32encode

import segno
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user, user_has_device
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "recovery codes"
MAX_CODE_LENGTH = 16


def normalise(code: str) -> str:
    """What people type: spaces and dashes between groups, any case."""
    return "".join(code.split()).replace("-", "").lower()[:MAX_CODE_LENGTH]


def has_second_factor(user) -> bool:
    return user_has_device(user)


def is_recovery_device(device) -> bool:
    return isinstance(device, StaticDevice)


def verify(user, code):
    """The confirmed device that accepts ``code`` (used up: a TOTP code or a recovery code
    works once), or None. Replayed, expired and unknown codes all give None."""
    code = normalise(code)
    is_totp_code = len(code) == 6 and code.isdigit()
    for device in devices_for_user(user):
        if isinstance(device, TOTPDevice) != is_totp_code:
            continue
        # django-otp locks the device row while it checks, so two requests can never both
        # use one code.
        verified = otp_verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified
    return None


def start_authenticator(user, device_id=None) -> TOTPDevice:
    """The authenticator being set up: the one this session started, or a new secret.

    A new one replaces every other unfinished set-up, so a secret shown to another
    session (perhaps not the owner's) can never be confirmed later.
    """
    if device_id is not None:
        found = TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).first()
        if found is not None:
            return found
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)


def confirm_authenticator(user, device_id, code):
    """Confirm the new authenticator if ``code`` is right; it replaces any older one."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(pk=device_id, user=user, confirmed=False)
            .first()
        )
        if device is None or not device.verify_token(normalise(code)):
            return None
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return device


def make_recovery_codes(user) -> list[str]:
    """Ten new one-time recovery codes; the old ones stop working."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def forget(user):
    """Remove every second factor of ``user`` (a superuser's reset)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def secret(device) -> str:
    """The secret as authenticator apps take it when typed: base32, in groups of four."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_svg(device) -> str:
    """The otpauth:// address as an inline SVG QR code, drawn here (no image service)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4, border=4, dark="#000", light="#fff", title=_("QR code for your authenticator app")
    )


def show_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"
