"""Tests: the base settings with fast hashing, captured email and a throwaway media folder."""

import hashlib
import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-" + "x" * 40)
# Per-process memory caches; the Redis tests point the caches at Redis themselves.
os.environ["CACHE_URL"] = ""

from .base import *  # noqa: E402,F403
from .base import BASE_DIR  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The processes the fault tests start (tests/faults/) keep the real queue and SMTP.
REAL_MAIL = os.environ.get("TEST_REAL_MAIL") == "1"
if not REAL_MAIL:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each test gets its own folder (tests/conftest.py); processes the tests start share this one
# inside the checkout, so no run leaves folders behind in the system's temporary directory.
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# The page cache is off in tests (tests/pagecache turn it on), so each test sees its own data.
PAGE_CACHE = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Most tests log staff in with client.force_login() and go straight to the admin; the tests of
# two-factor authentication turn this on (settings fixture). Production keeps it on:
# `check --deploy` warns otherwise (accounts.W001), and tests/inpud/test_settings.py runs it.
ACCOUNTS_REQUIRE_TWO_FACTOR = False
# Each checkout gets its own test database, so parallel checkouts never collide.
DATABASES["default"]["TEST"] = {  # noqa: F405
    "NAME": "test_inpud_" + hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:8],
}
# Tests send queued email when the transaction commits (django_capture_on_commit_callbacks);
# the fault tests switch to the database queue and a real worker process.
if not REAL_MAIL:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
