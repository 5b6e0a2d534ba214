"""Small conversions of WordPress values: IDs, dates, slugs and content hashes."""

import hashlib
import json
import zlib
from datetime import UTC, datetime
from urllib.parse import unquote

from django.utils import timezone
from django.utils.text import slugify

# Objects WordPress gave no ID (authors only named by a post, terms in WXR 1.0) get one made
# from their name, above any real WordPress ID, so a re-import finds them again.
SYNTHETIC_BASE = 1 << 40


def synthetic_id(text):
    return SYNTHETIC_BASE + zlib.crc32(text.encode())


def content_hash(*values):
    return hashlib.sha256(json.dumps(values, default=str).encode()).hexdigest()


def parse_wp_date(gmt, local):
    """A WordPress date pair as an aware datetime: GMT when set, else local in TIME_ZONE.

    Drafts carry "0000-00-00 00:00:00" as their GMT date until they are published.
    """
    for value, is_gmt in ((gmt, True), (local, False)):
        if not value or value.startswith("0000"):
            continue
        try:
            parsed = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            continue
        if is_gmt:
            return parsed.replace(tzinfo=UTC)
        return timezone.make_aware(parsed)
    return None


def clean_slug(wp_slug, name, fallback, max_length):
    """An ASCII slug our URLs accept: WordPress slugs may be percent-encoded Unicode."""
    slug = slugify(unquote(wp_slug or "")) or slugify(name or "") or fallback
    return slug[:max_length].strip("-") or fallback


def unique_slug(model, slug, max_length, taken=frozenset()):
    candidate, n = slug, 2
    while candidate in taken or model.objects.filter(slug=candidate).exists():
        suffix = f"-{n}"
        candidate = slug[: max_length - len(suffix)] + suffix
        n += 1
    return candidate
