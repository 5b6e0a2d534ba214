"""The emailed link to a person's data: a signed, expiring id of their request."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.clientip import hash_value
from core.siteurl import absolute_url
from outbox.api import enqueue
from personaldata.models import DataRequest

SALT = "personaldata.request"


def make_token(data_request) -> str:
    return signing.dumps(str(data_request.pk), salt=SALT)


def read(token):
    """The request a link points at, or None when it was used (erased) or purged.

    Raises signing.SignatureExpired or signing.BadSignature for an old or altered link.
    """
    max_age = timedelta(hours=settings.PERSONAL_DATA_LINK_MAX_AGE_HOURS)
    value = signing.loads(token, salt=SALT, max_age=max_age)
    try:
        pk = uuid.UUID(str(value))
    except ValueError as exc:
        raise signing.BadSignature("Unexpected payload") from exc
    return DataRequest.objects.filter(pk=pk).first()


def send_link(email) -> None:
    """Store a request and queue the email with its link (in the caller's transaction).

    At most one email per address per quarter of an hour (the idempotency key), however
    often a stranger asks about it.
    """
    window = int(timezone.now().timestamp() // 900)
    key = f"personal-data:{hash_value(email.casefold())}:{window}"
    data_request = DataRequest.objects.create(email=email)
    url = absolute_url(
        reverse("personaldata:data-page", kwargs={"token": make_token(data_request)})
    )
    context = {
        "url": url,
        "hours": settings.PERSONAL_DATA_LINK_MAX_AGE_HOURS,
        "SITE_NAME": settings.SITE_NAME,
    }
    message = enqueue(
        to=email,
        subject=render_to_string("personaldata/email/link_subject.txt", context),
        body=render_to_string("personaldata/email/link.txt", context),
        key=key,
        topic="personal-data",
    )
    if message.body and url not in message.body:
        data_request.delete()  # an email already went this quarter: its link still works
