"""Everything held about an email address, from every source: find, export, erase.

The address itself is never written to the audit trail: only who did it, and how many
records of each kind.
"""

import json

from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone

from audit.trail import Action, record
from personaldata.labels import rows
from personaldata.sources import SOURCES


def find(email):
    """[{"key", "label", "items", "rows"}] for every source (empty ones too, so people see
    we looked); ``rows`` are the items as (label, value) pairs for the page."""
    found = []
    for source in SOURCES:
        items = source.find(email)
        found.append(
            {
                "key": source.key,
                "label": source.label,
                "items": items,
                "rows": [rows(item) for item in items],
            }
        )
    return found


def holds_anything(email) -> bool:
    # The outbox and earlier requests only count alongside real records: a stranger
    # asking twice about an address must not get a link mailed to it because of the first ask.
    return any(source.find(email) for source in SOURCES if source.key in _RECORDS)


_RECORDS = {"comments", "sign-ups", "contact-messages"}


def counts(found):
    return {group["key"]: len(group["items"]) for group in found}


def export_response(email, *, user, request):
    found = find(email)
    document = {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        **{group["key"]: group["items"] for group in found},
    }
    record(Action.PERSONAL_DATA_EXPORTED, user=user, request=request, counts=counts(found))
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
    return response


def erase(email, *, user, request, keep_comment_text=False):
    """Erase the address from every source, in one transaction; returns counts by source."""
    with transaction.atomic():
        erased = {
            source.key: source.erase(email, keep_comment_text=keep_comment_text)
            for source in SOURCES
        }
        record(
            Action.PERSONAL_DATA_ERASED,
            user=user,
            request=request,
            counts=erased,
            comments="kept as Anonymous" if keep_comment_text else "removed",
        )
    return erased
