"""Staff accounts: two-factor authentication, login throttling, sessions and the audit trail.

Each setting is read from an environment variable of the same name.
"""

from inpud.settings.env import env_bool, env_int

# Staff must give a one-time code (authenticator app or recovery code) after their password.
# On unless turned off; `make run` turns it off locally and says so. Staff who have set up
# an authenticator are always asked for a code, whatever this says.
ACCOUNTS_REQUIRE_TWO_FACTOR = env_bool("ACCOUNTS_REQUIRE_TWO_FACTOR", True)
# Login attempts (password step) per account name, and per sender IP hash, in one lock window;
# a successful login clears the account's count. Past them, logins are refused until the
# window ends, without checking the password (so no password hashing is spent on them).
ACCOUNTS_LOGIN_ATTEMPTS = env_int("ACCOUNTS_LOGIN_ATTEMPTS", 5)
ACCOUNTS_LOGIN_IP_ATTEMPTS = env_int("ACCOUNTS_LOGIN_IP_ATTEMPTS", 20)
# One-time code attempts per account in one lock window.
ACCOUNTS_CODE_ATTEMPTS = env_int("ACCOUNTS_CODE_ATTEMPTS", 5)
ACCOUNTS_LOCK_MINUTES = env_int("ACCOUNTS_LOCK_MINUTES", 15)
# Password-reset requests per email address, and per sender IP hash, per hour.
ACCOUNTS_RESET_ATTEMPTS = env_int("ACCOUNTS_RESET_ATTEMPTS", 3)
ACCOUNTS_RESET_IP_ATTEMPTS = env_int("ACCOUNTS_RESET_IP_ATTEMPTS", 10)
# Between the password and the code (or setting up an authenticator) at most this long.
ACCOUNTS_LOGIN_STEP_MINUTES = env_int("ACCOUNTS_LOGIN_STEP_MINUTES", 10)
# A staff session ends after this long without a request, and this long after logging in.
ACCOUNTS_SESSION_IDLE_MINUTES = env_int("ACCOUNTS_SESSION_IDLE_MINUTES", 60)
ACCOUNTS_SESSION_MAX_HOURS = env_int("ACCOUNTS_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = ACCOUNTS_SESSION_MAX_HOURS * 60 * 60
# Password-reset links work this long (Django's default is three days).
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT_MINUTES", 60) * 60
# Our own counters throttle code attempts with a clear message; django-otp's per-device
# delay would instead refuse right codes silently as if they were wrong.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0

# Audit events older than this are deleted by `manage.py purge_audit_events` (daily).
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 365)
