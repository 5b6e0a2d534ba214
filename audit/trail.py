"""record(): the one way to write to the audit trail."""

from datetime import timedelta

from django.utils import timezone

from audit.context import current_request
from audit.models import Event
from core.clientip import client_ip, hash_ip

Action = Event.Action


def _account(user):
    """(pk, login name) of a real account; (None, "") for nobody or an anonymous visitor."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None, ""
    return user.pk, user.get_username()


def record(action, *, user, request=None, subject=None, target=None, **details) -> Event:
    """Write one event: ``user`` did ``action`` (to the account ``subject``, to ``target``).

    ``user`` is who did it (None for the system or an anonymous visitor). ``request`` adds
    the salted hash of the sender's IP address (never the address). ``details`` must be
    JSON-serialisable and must not hold personal data beyond login names: counts, names of
    groups or permissions, the login step.
    """
    action = Action(action)
    request = request or current_request()
    ip = client_ip(request) if request is not None else ""
    actor_id, actor_name = _account(user)
    subject_id, subject_name = _account(subject)
    return Event.objects.create(
        at=timezone.now(),
        action=action,
        actor_id=actor_id,
        actor_name=actor_name,
        subject_id=subject_id,
        subject_name=subject_name,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:200] if target is not None else "",
        ip_hash=hash_ip(ip) if ip else "",
        details=details,
    )


def current_user():
    """Who is making the change being served now (None outside a request)."""
    request = current_request()
    return getattr(request, "user", None)


def purge(days) -> int:
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = Event.objects.filter(at__lt=cutoff).delete()
    return deleted
