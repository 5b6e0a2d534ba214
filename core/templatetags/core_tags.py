"""Template filters every app's pages use: absolute links, page links, plain text."""

import re

from django import template
from django.utils.safestring import mark_safe

from core import language, sanitize
from core.siteurl import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The link to page `number` of the current list, keeping other query parameters."""
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    if number != 1:
        query["page"] = number
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else request.path


@register.filter
def absolute(url):
    """Make a site-relative URL absolute with SITE_URL (for feeds, OpenGraph, canonical)."""
    return absolute_url(url)


@register.filter
def plain_text(value):
    """Readable plain text from body HTML on one line: words kept apart, entities decoded."""
    return " ".join(sanitize.plain_text(str(value)).split())


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The page in the site's languages: an item's translations when the view names them
    (``alternates``), the same address under each prefix otherwise (core/language.py)."""
    request = context.get("request")
    if request is None:
        return None
    return language.versions(request, context.get("alternates"))


_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


@register.filter
def outline(html, top=2):
    """Body HTML (sanitised on save) with its headings renumbered from ``top`` down, without
    gaps: imported WordPress bodies often start at <h4> under the page's <h1>, which would
    leave the outline with holes. Only tag names change; the order of levels is kept."""
    html = str(html)
    levels = sorted({int(match[2]) for match in _HEADING_TAG.finditer(html)})
    new = {level: min(int(top) + i, 6) for i, level in enumerate(levels)}
    return mark_safe(_HEADING_TAG.sub(lambda m: f"<{m[1]}h{new[int(m[2])]}", html))  # noqa: S308


@register.filter
def teaser(html):
    """A teaser on a list page keeps its text but not its headings: a heading from the body
    would break the list's outline (the card's own title is the heading)."""
    return mark_safe(_HEADING_TAG.sub(lambda m: f"<{m[1]}p", str(html)))  # noqa: S308


@register.filter
def machine_time(value):
    """A <time datetime> value HTML accepts: ISO 8601 to the second (the "c" date format
    keeps microseconds, which the HTML standard does not allow)."""
    if not value:
        return ""
    return value.replace(microsecond=0).isoformat()
