"""Turn a WordPress post's stored text into the HTML our Post body holds."""

import re
from collections import Counter

from core import sanitize
from core.sanitize import MORE_MARKER
from wordpress.autop import wpautop
from wordpress.shortcodes import convert_captions, unknown_shortcodes

# WordPress accepts "<!--more-->" and "<!--more Custom link text-->"; only the first counts.
MORE = re.compile(r"<!--more(?:\s.*?)?-->")
# Posts written in the block editor are already HTML: WordPress skips wpautop for them.
BLOCK_EDITOR = "<!-- wp:"


def convert_body(text: str) -> tuple[str, Counter]:
    """Return (HTML before sanitising, unknown shortcodes found).

    The teaser break stays as our exact MORE_MARKER. Each side of it is converted on its own,
    so the marker never ends up inside a paragraph (which the sanitiser would have to split).
    """
    unknown = unknown_shortcodes(text)
    text = text.replace("<!--noteaser-->", "")
    found = MORE.search(text)
    parts = [text[: found.start()], text[found.end() :]] if found else [text]
    blocks = BLOCK_EDITOR in text
    converted = []
    for part in parts:
        part = convert_captions(part)
        if not blocks:
            part = wpautop(part)
        converted.append(part.strip())
    return MORE_MARKER.join(converted), unknown


def plain_text(value: str) -> str:
    """Titles, excerpts and comments are shown as text here: no tags, no entities."""
    return sanitize.plain_text(value or "")
