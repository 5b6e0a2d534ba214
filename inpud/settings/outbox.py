"""Outgoing email: the outbox, its worker's task queue and the SMTP limits.

Every email is stored in the outbox (outbox/) and sent by `manage.py outbox_worker`, so
these settings shape the worker, never a request.
"""

from inpud.settings.env import env, env_int

# Seconds before an SMTP connection or reply counts as failed (then retried later).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# A worker keeps its connection to the mail server for the next message, at most this many
# seconds idle (mail servers drop quiet clients after a minute or more).
OUTBOX_SMTP_REUSE_SECONDS = env_int("OUTBOX_SMTP_REUSE_SECONDS", 30)
# Where django.core.mail.backends.filebased.EmailBackend writes, when EMAIL_BACKEND is it.
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", "var/mail")

# The task queue: django-tasks with its database backend (tasks are rows in PostgreSQL,
# committed with the change that queued them; no other server).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# A message that could not be sent waits OUTBOX_RETRY_BASE_SECONDS × 2^(attempt-1), at most
# OUTBOX_RETRY_MAX_SECONDS, and is retried until OUTBOX_GIVE_UP_AFTER_HOURS after it was
# queued; then (or at once, when the server refuses it with a 5xx) it is "failed".
OUTBOX_RETRY_BASE_SECONDS = env_int("OUTBOX_RETRY_BASE_SECONDS", 30)
OUTBOX_RETRY_MAX_SECONDS = env_int("OUTBOX_RETRY_MAX_SECONDS", 3600)
OUTBOX_GIVE_UP_AFTER_HOURS = env_int("OUTBOX_GIVE_UP_AFTER_HOURS", 7 * 24)
# A due message whose task has been running this long has lost its worker: queue it again.
# Keep it above twice EMAIL_TIMEOUT.
OUTBOX_STALLED_AFTER_SECONDS = env_int("OUTBOX_STALLED_AFTER_SECONDS", 60)
# Default pace of outbox.api.enqueue_batch (bulk mail such as campaign updates).
OUTBOX_BATCH_PER_MINUTE = env_int("OUTBOX_BATCH_PER_MINUTE", 60)
# Sent messages (which hold addresses and links) are deleted after this many days.
OUTBOX_RETENTION_DAYS = env_int("OUTBOX_RETENTION_DAYS", 30)
