"""What the keys of an exported record are called on the page (the JSON keeps the keys)."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "post": _("Post"),
    "page": _("Page"),
    "submitted": _("Sent"),
    "status": _("Status"),
    "name": _("Name"),
    "email": _("Email"),
    "website": _("Website"),
    "comment": _("Comment"),
    "campaign": _("Campaign"),
    "country": _("Country"),
    "organisation": _("Organisation"),
    "name shown": _("Name shown publicly"),
    "wants updates": _("Wants updates"),
    "language": _("Language"),
    "consent wording": _("What you agreed to"),
    "signed up": _("Signed up"),
    "confirmed": _("Confirmed"),
    "subject": _("Subject"),
    "queued": _("Queued"),
    "sent": _("Sent"),
    "asked": _("Asked"),
    "received": _("Received"),
    "topic": _("Topic"),
    "way to reply": _("Way to reply"),
    "message": _("Message"),
}


def rows(item):
    """[(label, value)] for one record, in its own order."""
    return [(LABELS.get(key, key), value) for key, value in item.items()]
