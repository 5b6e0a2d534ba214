"""One supporter's copy of an update: their own links, their language, the one-click header."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from campaigns.services import manage_url, unsubscribe_url
from core.siteurl import absolute_url
from updates.tracking import message_key


def _render(update, *, manage, unsubscribe, language):
    context = {
        "update": update,
        "campaign": update.campaign,
        "campaign_url": absolute_url(update.campaign.get_absolute_url()),
        "manage_url": manage,
        "unsubscribe_url": unsubscribe,
        "SITE_NAME": settings.SITE_NAME,
    }
    # The footer in the supporter's language; the update's own text is as staff wrote it.
    with translation.override(language or settings.LANGUAGE_CODE):
        body = render_to_string("updates/email/update.txt", context)
        html = render_to_string("updates/email/update.html", context) if update.html_body else ""
    return {"subject": update.subject, "body": body, "html_body": html}


def for_supporter(update, supporter) -> dict:
    """``enqueue`` arguments for this supporter's copy."""
    unsubscribe = unsubscribe_url(supporter)
    email = _render(
        update,
        manage=manage_url(supporter),
        unsubscribe=unsubscribe,
        language=supporter.language,
    )
    return {
        **email,
        "to": supporter.email,
        "key": message_key(update, supporter),
        # The supporter's topic: withdrawing or erasing deletes what is still queued.
        "topic": f"supporter:{supporter.pk}",
        # RFC 8058: mail programs show an "Unsubscribe" button that POSTs to this address.
        "headers": {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }


def preview(update) -> dict:
    sample = absolute_url("/campaigns/supporter/…/")
    email = _render(update, manage=sample, unsubscribe=sample, language=update.language)
    return {**email, "subject": _("[Preview] %(subject)s") % {"subject": update.subject}}
