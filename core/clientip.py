"""The sender's IP address, used only while a request runs, and its salted hash.

Rate limits (comments, sign-ups) need to recognise a sender without keeping their address:
only ``hash_ip`` output is ever stored.
"""

import hashlib
import hmac
import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or behind a trusted proxy the last X-Forwarded-For entry."""
    candidates = []
    if settings.TRUST_X_FORWARDED_FOR:
        # Our own proxy appends the address it saw; anything left of it is client-supplied.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        candidates.append(forwarded[-1].strip())
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return ""


def hash_value(value: str) -> str:
    """HMAC-SHA256 with IP_HASH_SALT: stable for rate limits, not reversible."""
    return hmac.new(settings.IP_HASH_SALT.encode(), value.encode(), hashlib.sha256).hexdigest()


def hash_ip(ip: str) -> str:
    """The salted hash of an IP address: the only form in which one is ever stored."""
    return hash_value(ip)
