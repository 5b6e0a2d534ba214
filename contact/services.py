"""Storing a contact message and telling the inbox staff that one arrived."""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from contact.models import ContactMessage
from core.clientip import client_ip, hash_ip
from core.roles import staff_with_permission
from core.siteurl import absolute_url
from outbox.api import enqueue

logger = logging.getLogger(__name__)


def inbox_staff():
    """Active staff with the "read messages" permission (directly, by group, superusers)."""
    return staff_with_permission("contact", "read_messages")


def receive(*, request, page, topic, name, reply_to, message) -> ContactMessage:
    """Keep the message and queue the notices, together or not at all."""
    with transaction.atomic():
        stored = ContactMessage.objects.create(
            topic=topic,
            name=name.strip(),
            reply_to=reply_to.strip(),
            message=message,
            page=page,
            ip_hash=hash_ip(client_ip(request)),
        )
        notify_inbox(stored)
    return stored


def notify_inbox(stored):
    """Say only that a message arrived: what it says never travels by email."""
    link = absolute_url(reverse("admin:contact_contactmessage_change", args=[stored.pk]))
    subject = _("A message arrived through the contact form")
    body = "\n".join(
        [
            _("Someone sent a message through the website's contact form."),
            _("Read it in the admin (you need to log in):"),
            link,
        ]
    )
    recipients = list(inbox_staff().values_list("email", flat=True))
    for address in recipients:
        enqueue(
            to=address,
            subject=subject,
            body=body,
            key=f"contact:{stored.pk}:{address.casefold()}",
            topic=f"contact:{stored.pk}",
        )
    logger.info("Queued %d contact notices for message %s", len(recipients), stored.pk)
