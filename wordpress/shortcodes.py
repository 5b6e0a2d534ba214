"""WordPress shortcodes in imported bodies.

Only ``[caption]`` (and its old alias ``[wp_caption]``) has a meaning here: it becomes a
``<figure>`` with a ``<figcaption>``, the markup our editor produces. Any other shortcode
(``[gallery]``, ``[contact-form-7 id="5"]``...) needs a plugin we do not have, so it stays in
the text for an editor to replace by hand, and is counted so the import summary can say where
to look.
"""

import re
from collections import Counter


def _shortcode_regex(names):
    """The pattern of WordPress's get_shortcode_regex() for the given names.

    Groups: 1 an extra "[" (escaped shortcode), 2 name, 3 attributes, 4 "/" of a
    self-closing tag, 5 enclosed content, 6 an extra "]".
    """
    return re.compile(
        r"\[(\[?)(" + names + r")(?![\w-])"
        r"([^\]/]*(?:/(?!\])[^\]/]*)*?)"
        r"(?:(/)\]|\](?:([^\[]*+(?:\[(?!/\2\])[^\[]*+)*+)\[/\2\])?)"
        r"(\]?)"
    )


CAPTION = _shortcode_regex(r"caption|wp_caption")
ANY = _shortcode_regex(r"[A-Za-z][\w-]*")
# Shortcodes of WordPress itself: counted even when written bare, like "[gallery]".
CORE_NAMES = {"audio", "embed", "gallery", "playlist", "video"}

_ATTRS = re.compile(
    r"([\w-]+)\s*=\s*\"([^\"]*)\"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"
    r"|([\w-]+)\s*=\s*([^\s'\"]+)(?:\s|$)|\"([^\"]*)\"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"
)
# img_caption_shortcode(): an image, maybe inside a link, then the caption text.
_CAPTIONED = re.compile(r"((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*)", re.DOTALL | re.I)
ALIGN_CLASSES = {
    "alignleft": "image image-style-block-align-left",
    "alignright": "image image-style-block-align-right",
}


def parse_attributes(text):
    """shortcode_parse_atts(): name="value", name='value', name=value; keys lower-cased."""
    text = text.replace("\u00a0", " ").replace("\u200b", " ")
    attrs = {}
    for m in _ATTRS.finditer(text):
        if m.group(1):
            attrs[m.group(1).lower()] = m.group(2)
        elif m.group(3):
            attrs[m.group(3).lower()] = m.group(4)
        elif m.group(5):
            attrs[m.group(5).lower()] = m.group(6)
    return attrs


def _caption_to_figure(match):
    if match.group(1) == "[" and match.group(6) == "]":
        return match.group(0)[1:-1]  # [[caption]] is how WordPress writes a literal [caption]
    attrs = parse_attributes(match.group(3))
    content = match.group(5) or ""
    caption = attrs.get("caption", "")
    if not caption:
        found = _CAPTIONED.match(content.strip())
        if found:
            content, caption = found.group(1), found.group(2).strip()
    if not caption:
        return content
    css = ALIGN_CLASSES.get(attrs.get("align", ""), "image")
    return f'<figure class="{css}">{content.strip()}<figcaption>{caption}</figcaption></figure>'


def convert_captions(text: str) -> str:
    """Replace [caption] shortcodes with <figure>/<figcaption>."""
    if "[" not in text:
        return text
    return CAPTION.sub(_caption_to_figure, text)


def unknown_shortcodes(text: str) -> Counter:
    """Names of the shortcodes other than [caption] in the text, with how often each appears.

    A bracketed word counts when it looks like a shortcode: it has name=value attributes,
    closes itself or is closed later, or is one of WordPress's own. "[sic]", "[Ed.]" or "[1]"
    in prose does not count.
    """
    found = Counter()
    if "[" not in text:
        return found
    for m in ANY.finditer(text):
        if m.group(1) == "[" and m.group(6) == "]":
            continue
        name = m.group(2)
        if name.lower() in ("caption", "wp_caption"):
            continue
        attrs = m.group(3)
        if "=" in attrs or m.group(4) or m.group(5) is not None or name in CORE_NAMES:
            found[name.lower()] += 1
    return found
