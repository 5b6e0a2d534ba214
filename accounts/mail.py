"""Email to staff about their account (password reset)."""

from outbox.api import enqueue


def send_account_email(*, to, subject, body):
    """The one place account emails leave the site: queued in the outbox (sent by its
    worker), so a slow or failing mail server never shows in the answer or its timing."""
    enqueue(to=to, subject=subject, body=body, topic="account")
