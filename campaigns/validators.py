"""Upload and slug checks that run in every model form (the admin included)."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# Paths under /campaigns/ that are not campaigns or documents.
RESERVED_CAMPAIGN_SLUGS = {"supporter"}
RESERVED_DOCUMENT_SLUGS = {"sign-up", "check-your-email", "thank-you"}

_PDF_HEADER = re.compile(rb"%PDF-\d\.\d")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_TARGET = re.compile(rb"\s*(xref|\d+\s+\d+\s+obj)")
_TAIL_BYTES = 2048


def validate_campaign_slug(value):
    if value in RESERVED_CAMPAIGN_SLUGS:
        raise ValidationError(_("This address is reserved; choose another slug."))


def validate_document_slug(value):
    if value in RESERVED_DOCUMENT_SLUGS:
        raise ValidationError(_("This address is reserved; choose another slug."))


def _file_size_limit(file, limit):
    if file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest allowed is %(limit)s."),
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )


def validate_pdf(file):
    """Accept a PDF by its content: header, trailer and a cross-reference that points inside.

    The name and the browser-sent content type are ignored: both are chosen by the uploader.
    """
    _file_size_limit(file, settings.CAMPAIGNS_MAX_DOCUMENT_BYTES)
    try:
        is_pdf = _looks_like_pdf(file)
    finally:
        if getattr(file, "_committed", False):
            file.close()  # a stored file opened just for this check
    if not is_pdf:
        raise ValidationError(
            _("This file is not a valid PDF. Export or save the document as PDF and try again."),
            code="not_pdf",
        )


def _looks_like_pdf(file):
    size = file.size
    file.seek(0)
    head = file.read(16)
    file.seek(max(0, size - _TAIL_BYTES))
    match = _STARTXREF.search(file.read().rstrip(b"\x00"))
    file.seek(0)
    if not _PDF_HEADER.match(head) or match is None:
        return False
    offset = int(match.group(1))
    if not 0 < offset < size:
        return False
    file.seek(offset)
    target = file.read(32)
    file.seek(0)
    return bool(_XREF_TARGET.match(target))
