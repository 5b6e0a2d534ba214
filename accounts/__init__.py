"""Staff accounts that cannot be taken over: login throttling, two-factor authentication
(django-otp: TOTP authenticator apps and one-time recovery codes), password reset by email,
and staff sessions that expire.

The login is two steps. The password step never logs anyone in when a second factor is due:
it only remembers, in the session, who passed it (``pending``). ``django.contrib.auth.login``
runs once the code is right, so every view — the admin, the CKEditor upload, staff previews —
sees an anonymous visitor until then. ``middleware.StaffSessionMiddleware`` ends sessions that
are idle, too old, or (when ``ACCOUNTS_REQUIRE_TWO_FACTOR`` is on) not verified by a code.
"""
