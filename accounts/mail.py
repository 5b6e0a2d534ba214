"""Email to staff about their account (password reset)."""

from django.core.mail import send_mail


def send_account_email(*, to, subject, body):
    """The one place account emails leave the site.

    Sent at once through Django's email API for now; it moves to the site's email outbox
    (issue 10) when that lands, so a slow or failing mail server never shows in the answer.
    """
    send_mail(subject, body, None, [to])
