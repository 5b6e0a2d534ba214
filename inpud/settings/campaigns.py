"""Campaign sign-up settings, each read from an environment variable of the same name."""

from inpud.settings.env import env_int

# How long a confirmation link stays valid.
CAMPAIGNS_CONFIRM_MAX_AGE_DAYS = env_int("CAMPAIGNS_CONFIRM_MAX_AGE_DAYS", 7)
# How long the supporter's own page link (in every email) keeps working.
CAMPAIGNS_MANAGE_MAX_AGE_DAYS = env_int("CAMPAIGNS_MANAGE_MAX_AGE_DAYS", 365)
# How long the one-click unsubscribe link of a campaign update keeps working.
CAMPAIGNS_UNSUBSCRIBE_MAX_AGE_DAYS = env_int("CAMPAIGNS_UNSUBSCRIBE_MAX_AGE_DAYS", 730)
# Supporters' names and emails are blanked this many months after their campaign closes
# (manage.py anonymise_closed_campaigns, in `manage.py daily`); counts and countries stay.
SUPPORTERS_KEEP_MONTHS_AFTER_CLOSE = env_int("SUPPORTERS_KEEP_MONTHS_AFTER_CLOSE", 24)
# Signing again while pending resends the confirmation at most this often per supporter.
CAMPAIGNS_RESEND_INTERVAL_MINUTES = env_int("CAMPAIGNS_RESEND_INTERVAL_MINUTES", 15)
# Sign-ups accepted from one (hashed) IP address per window.
CAMPAIGNS_SIGNUP_RATE_LIMIT = env_int("CAMPAIGNS_SIGNUP_RATE_LIMIT", 5)
CAMPAIGNS_SIGNUP_RATE_WINDOW_SECONDS = env_int("CAMPAIGNS_SIGNUP_RATE_WINDOW_SECONDS", 600)
# Largest downloadable document staff may upload (bytes).
CAMPAIGNS_MAX_DOCUMENT_BYTES = env_int("CAMPAIGNS_MAX_DOCUMENT_BYTES", 20 * 1024 * 1024)
# Countries with fewer confirmed supporters than this are shown as "other countries".
CAMPAIGNS_COUNTRY_MIN_COUNT = env_int("CAMPAIGNS_COUNTRY_MIN_COUNT", 5)
# Public supporter names per page on a campaign page.
CAMPAIGNS_SUPPORTERS_PER_PAGE = env_int("CAMPAIGNS_SUPPORTERS_PER_PAGE", 50)
# Unconfirmed sign-ups older than this are deleted by `manage.py purge_pending_supporters`.
CAMPAIGNS_PENDING_RETENTION_DAYS = env_int("CAMPAIGNS_PENDING_RETENTION_DAYS", 30)
# Campaign updates leave the outbox at this pace (emails per minute), after the site's own
# confirmations and notices.
CAMPAIGN_UPDATES_PER_MINUTE = env_int("CAMPAIGN_UPDATES_PER_MINUTE", 600)
