"""A port of WordPress's ``wpautop()`` (wp-includes/formatting.php, WordPress 6.x).

WordPress stores classic-editor posts as text where a blank line separates paragraphs and a
single newline is a line break; it adds the ``<p>`` and ``<br />`` tags only when it shows
the post. Imported bodies must carry that markup themselves, so the same steps run here, in
the same order, with the same block-element list. The steps for ``<option>``, ``<object>``
and ``<audio>``/``<video>`` are kept too: the sanitiser drops those elements later, but
skipping them would change where paragraphs fall around them.
"""

import re

ALL_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
    r"|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article"
    r"|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)

# wp_html_split(): comments, CDATA sections and tags, each a single "element".
_HTML_SPLIT = re.compile(
    r"(<(?:!--.*?(?:-->|\Z)|!\[CDATA\[.*?(?:\]\]>|\Z)|[^>]*>?))",
    re.DOTALL,
)
_NEWLINE_PLACEHOLDER = " <!-- wpnl --> "


def _sub(pattern, repl, text, flags=0):
    # PHP's \s (no /u flag) is ASCII whitespace only: a no-break space is content, not a gap.
    return re.sub(pattern, repl, text, flags=flags | re.ASCII)


def _replace_newlines_in_tags(text):
    """wp_replace_in_html_tags($text, ["\\n" => " <!-- wpnl --> "])."""
    parts = _HTML_SPLIT.split(text)
    for i in range(1, len(parts), 2):
        if "\n" in parts[i]:
            parts[i] = parts[i].replace("\n", _NEWLINE_PLACEHOLDER)
    return "".join(parts)


def _protect_pre(text):
    """Swap each <pre>...</pre> for a placeholder; autop must not touch preformatted text."""
    pre_tags = {}
    if "<pre" not in text:
        return text, pre_tags
    parts = text.split("</pre>")
    last = parts.pop()
    out = []
    for i, part in enumerate(parts):
        start = part.find("<pre")
        if start == -1:  # malformed HTML: a stray </pre>
            out.append(part)
            continue
        name = f"<pre wp-pre-tag-{i}></pre>"
        pre_tags[name] = part[start:] + "</pre>"
        out.append(part[:start] + name)
    out.append(last)
    return "".join(out), pre_tags


def wpautop(text: str, br: bool = True) -> str:
    """Turn blank-line-separated text into paragraphs, as WordPress does when showing a post."""
    if not text.strip():
        return ""
    text = text + "\n"
    text, pre_tags = _protect_pre(text)

    text = _sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = _sub(r"(<" + ALL_BLOCKS + r"[\s/>])", r"\n\n\1", text)
    text = _sub(r"(</" + ALL_BLOCKS + r">)", r"\1\n\n", text)
    text = _sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _replace_newlines_in_tags(text)

    if "<option" in text:
        text = _sub(r"\s*<option", "<option", text)
        text = _sub(r"</option>\s*", "</option>", text)
    if "</object>" in text:
        text = _sub(r"(<object[^>]*>)\s*", r"\1", text)
        text = _sub(r"\s*</object>", "</object>", text)
        text = _sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text)
    if "<source" in text or "<track" in text:
        text = _sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text)
        text = _sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text)
        text = _sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)
    if "<figcaption" in text:
        text = _sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = _sub(r"</figcaption>\s*", "</figcaption>", text)

    text = _sub(r"\n\n+", "\n\n", text)
    paragraphs = [p for p in re.split(r"\n\s*\n", text, flags=re.ASCII) if p]
    text = "".join("<p>" + p.strip("\n") + "</p>\n" for p in paragraphs)

    text = _sub(r"<p>\s*</p>", "", text)
    text = _sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = _sub(r"<p>\s*(</?" + ALL_BLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    text = _sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = _sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = _sub(r"<p>\s*(</?" + ALL_BLOCKS + r"[^>]*>)", r"\1", text)
    text = _sub(r"(</?" + ALL_BLOCKS + r"[^>]*>)\s*</p>", r"\1", text)

    if br:
        text = _sub(
            r"<(script|style|svg|math).*?</\1>",
            lambda m: m.group(0).replace("\n", "<WPPreserveNewline />"),
            text,
            flags=re.DOTALL,
        )
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = _sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace("<WPPreserveNewline />", "\n")

    text = _sub(r"(</?" + ALL_BLOCKS + r"[^>]*>)\s*<br />", r"\1", text)
    text = _sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = _sub(r"\n</p>$", "</p>", text)

    for name, original in pre_tags.items():
        text = text.replace(name, original)
    if "<!-- wpnl -->" in text:
        text = text.replace(_NEWLINE_PLACEHOLDER, "\n").replace("<!-- wpnl -->", "\n")
    return text
