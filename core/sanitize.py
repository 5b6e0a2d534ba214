"""One allowlist for all rich text (posts, campaigns, imported content).

nh3 wraps the Rust crate ammonia: a parser-based sanitiser, so malformed markup cannot
smuggle a script past it the way it can past regular expressions.
"""

import html
import re
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.utils.html import strip_tags

TAGS = {
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "blockquote",
    "cite",
    "q",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "small",
    "mark",
    "code",
    "pre",
    "span",
}
ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "blockquote": {"cite"},
}
CLASSES = {
    "figure": {
        "image",
        "table",
        "image-style-side",
        "image-style-block-align-left",
        "image-style-block-align-right",
        "image_resized",
    },
    "blockquote": {"pullquote"},
    "span": {"pullquote"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# The WordPress "more" break: list pages show the body up to this marker.
MORE_MARKER = "<!--more-->"


def is_on_this_site(url: str) -> bool:
    """A relative address, or an absolute one on SITE_URL's host."""
    parts = urlsplit(url.strip())
    if not parts.scheme and not parts.netloc:
        return True
    return parts.netloc.lower() == urlsplit(settings.SITE_URL).netloc.lower()


_IMAGE_SOURCE = re.compile(r"""<img\b[^>]*?\ssrc\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def foreign_images(markup: str) -> list[str]:
    """Sources of images from other hosts, which sanitize_html drops (for import warnings)."""
    return [src for src in _IMAGE_SOURCE.findall(markup or "") if not is_on_this_site(src)]


def _keep_attribute(element, attribute, value):
    # An image from another host would make every reader's browser (and feed reader) ask
    # that host for it: keep the description (alt), drop the address. Links stay links.
    if element == "img" and attribute == "src" and not is_on_this_site(value):
        return None
    return value


def sanitize_html(html: str) -> str:
    """Keep the allowlisted markup; drop scripts, handlers, styles, unsafe URLs and images
    from other hosts.

    The WordPress-style "more" break is an HTML comment, which the cleaner would drop, so
    each side of it is cleaned on its own and the marker put back.
    """
    if not html:
        return ""
    parts = html.split(MORE_MARKER, 1)
    cleaned = [
        nh3.clean(
            part,
            tags=TAGS,
            attributes=ATTRIBUTES,
            allowed_classes=CLASSES,
            url_schemes=URL_SCHEMES,
            attribute_filter=_keep_attribute,
            link_rel="noopener noreferrer nofollow",
            strip_comments=True,
        ).strip()
        for part in parts
    ]
    return MORE_MARKER.join(cleaned)


# Block ends become line breaks so "<h2>Title</h2><p>Body" is "Title\nBody", not "TitleBody".
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|figcaption|tr|td|th|pre)>|<br\s*/?>", re.I)


def plain_text(markup: str) -> str:
    """The readable text of sanitised HTML, for search and plain-text snippets."""
    return html.unescape(strip_tags(_BLOCK_END.sub(lambda m: m.group(0) + "\n", markup))).strip()
