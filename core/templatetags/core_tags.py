"""Template filters every app's pages use: absolute links, page links, plain text."""

from django import template

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
