"""Streaming CSV export of supporters, safe to open in a spreadsheet."""

import csv

from django.http import StreamingHttpResponse
from django.utils import timezone

HEADER = [
    "campaign",
    "name",
    "email",
    "organisation",
    "country_code",
    "country",
    "status",
    "show_name",
    "wants_updates",
    "signed_up_at",
    "confirmed_at",
]
# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _iso(value):
    return value.isoformat() if value else ""


def _row(supporter):
    return [
        supporter.campaign.title,
        supporter.name,
        supporter.email,
        supporter.organisation,
        supporter.country.code,
        supporter.country.name,
        supporter.status,
        "yes" if supporter.show_name else "no",
        "yes" if supporter.wants_updates else "no",
        _iso(supporter.created_at),
        _iso(supporter.confirmed_at),
    ]


class _Echo:
    """csv.writer writes to this and gets the line back, so rows can be streamed."""

    def write(self, value):
        return value


def supporters_csv_response(queryset):
    writer = csv.writer(_Echo())
    rows = queryset.select_related("campaign").order_by("campaign_id", "pk")

    def lines():
        yield "\ufeff"  # a byte-order mark, so spreadsheet programs read UTF-8 names correctly
        yield writer.writerow(HEADER)
        for supporter in rows.iterator(chunk_size=2000):
            yield writer.writerow([safe_cell(cell) for cell in _row(supporter)])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    filename = f"supporters-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
