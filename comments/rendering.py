"""Comment text is plain text: escaped, paragraphs and line breaks kept, bare URLs linked."""

from django.utils.html import linebreaks, urlize
from django.utils.safestring import SafeString, mark_safe

URL_DISPLAY_LIMIT = 60


def render_body(text: str) -> SafeString:
    # urlize escapes everything it does not turn into a link, so its output is safe HTML;
    # an attacker cannot forge the literal rel="nofollow" because quotes come out escaped.
    html = urlize(text, trim_url_limit=URL_DISPLAY_LIMIT, nofollow=True, autoescape=True)
    html = html.replace(' rel="nofollow"', ' rel="nofollow ugc"')
    return mark_safe(linebreaks(html, autoescape=False))  # noqa: S308 - escaped just above
