"""Production: HTTPS everywhere, and fail fast when a secret or an address is missing.

The environment is checked before the base settings are read, so a missing DATABASE_URL is
refused before anything could start a database of its own.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list

REQUIRED = {
    "SECRET_KEY": "Django's signing key (long and random)",
    "DATABASE_URL": "the PostgreSQL database, e.g. postgres://user:pass@host:5432/inpud",
    "IP_HASH_SALT": "the salt for hashing IP addresses (long and random, not SECRET_KEY)",
    "SITE_URL": "the site's public address, e.g. https://inpud.example.org (used in emails)",
}
for _name, _meaning in REQUIRED.items():
    if not os.environ.get(_name, "").strip():
        raise ImproperlyConfigured(f"{_name} must be set in production: {_meaning}.")
if env_bool("DEBUG", False):
    raise ImproperlyConfigured("DEBUG must be off in production.")
if os.environ["IP_HASH_SALT"] == os.environ["SECRET_KEY"]:
    raise ImproperlyConfigured("IP_HASH_SALT must differ from SECRET_KEY.")

# `make serve`: the production settings on a laptop, over plain HTTP on the loopback only.
PLAIN_HTTP = env_bool("PLAIN_HTTP", False)
LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}
if PLAIN_HTTP and not set(env_list("ALLOWED_HOSTS")) <= LOOPBACK:
    raise ImproperlyConfigured("PLAIN_HTTP is only for local runs: ALLOWED_HOSTS must be loopback.")
_site = urlsplit(os.environ["SITE_URL"])
if _site.scheme not in ("https", "http") or not _site.hostname:
    raise ImproperlyConfigured("SITE_URL must be an absolute address, e.g. https://inpud.org.")
if not PLAIN_HTTP and (_site.scheme != "https" or _site.hostname in LOOPBACK | {"::1"}):
    raise ImproperlyConfigured(
        "SITE_URL must be the site's public https:// address: links in emails use it."
    )

# Logs on stderr as JSON lines, for journald or a log collector (LOG_FORMAT=text for lines).
os.environ.setdefault("LOG_FORMAT", "json")

from .base import *  # noqa: E402,F403

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not PLAIN_HTTP)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if PLAIN_HTTP else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# The header alone submits nothing: joining the browsers' preload list is a separate, manual step.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = not PLAIN_HTTP
CSRF_COOKIE_SECURE = not PLAIN_HTTP
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF cookie: the admin and CKEditor take the token from the form.
CSRF_COOKIE_HTTPONLY = True
# Behind a TLS-terminating proxy (nginx, a load balancer) that sets X-Forwarded-Proto.
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
