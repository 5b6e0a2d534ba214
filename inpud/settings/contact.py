"""The contact form (contact/): how long messages are kept, and how many one address may send."""

from inpud.settings.env import env_int

# Messages older than this are deleted by `manage.py purge_contact_messages` (daily).
CONTACT_MESSAGES_KEEP_DAYS = env_int("CONTACT_MESSAGES_KEEP_DAYS", 90)
# Messages accepted from one (hashed) IP address per window.
CONTACT_RATE_LIMIT = env_int("CONTACT_RATE_LIMIT", 5)
CONTACT_RATE_WINDOW_SECONDS = env_int("CONTACT_RATE_WINDOW_SECONDS", 3600)
