"""Text that visitors type and others read (names, organisations, comments).

Refuse what would hide or disguise it: bytes that were not UTF-8 (Django decodes them as
U+FFFD), invisible control characters, and the bidirectional controls that reorder what is
shown ("Ana\u202egnp.exe" reads as "Anaexe.png"), which put a supporter list or a comment
author in disguise.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Embeddings, overrides and isolates (Unicode UAX #9). The direction marks (U+200E, U+200F,
# U+061C) stay allowed: mixed Arabic or Hebrew and Latin text needs them, and they reorder
# nothing by themselves.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def reject_unreadable(value, allowed=frozenset()):
    """Raise ValidationError for U+FFFD, control characters (but ``allowed``) and bidi controls."""
    if "\ufffd" in value:
        raise ValidationError(
            _("This contains characters we could not read. Please retype it."), code="encoding"
        )
    if any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value):
        raise ValidationError(
            _("This contains invisible control characters. Please retype it."), code="control"
        )
    if any(ch in BIDI_CONTROLS for ch in value):
        raise ValidationError(
            _(
                "This contains invisible characters that change the direction of text. "
                "Please retype it."
            ),
            code="bidi",
        )


def validate_visible_line(value):
    """A one-line name or organisation: no control characters at all."""
    reject_unreadable(value)
