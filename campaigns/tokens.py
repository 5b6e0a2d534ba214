"""Signed links for supporters: no login, no stored token, tamper-proof.

Each purpose has its own salt, so a manage link can never be replayed as a confirmation link.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "campaigns.supporter.confirm"
MANAGE_SALT = "campaigns.supporter.manage"
UNSUBSCRIBE_SALT = "campaigns.supporter.unsubscribe"


def make_confirm_token(supporter) -> str:
    return signing.dumps(supporter.pk, salt=CONFIRM_SALT)


def make_manage_token(supporter) -> str:
    return signing.dumps(supporter.pk, salt=MANAGE_SALT)


def make_unsubscribe_token(supporter) -> str:
    return signing.dumps(supporter.pk, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> int:
    max_age = timedelta(days=settings.CAMPAIGNS_UNSUBSCRIBE_MAX_AGE_DAYS)
    return _as_id(signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=max_age))


def read_confirm_token(token: str) -> int:
    """The supporter id; raises signing.SignatureExpired or signing.BadSignature."""
    max_age = timedelta(days=settings.CAMPAIGNS_CONFIRM_MAX_AGE_DAYS)
    return _as_id(signing.loads(token, salt=CONFIRM_SALT, max_age=max_age))


def read_manage_token(token: str) -> int:
    """Manage links expire too (every email carries a fresh one), so an old mailbox that
    falls into other hands does not open the supporter's page for ever."""
    max_age = timedelta(days=settings.CAMPAIGNS_MANAGE_MAX_AGE_DAYS)
    return _as_id(signing.loads(token, salt=MANAGE_SALT, max_age=max_age))


def _as_id(value):
    if not isinstance(value, int):
        raise signing.BadSignature("Unexpected payload")
    return value
