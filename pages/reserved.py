"""Addresses a page may never take: any the URL conf answers with something else.

Derived from the URL conf itself, so a new app's addresses are reserved the day it is
added: a page's address is refused when it resolves to another view, and when its first
part is the fixed first part of another route (admin, campaigns, feed, category…), so a
page never sits where another app has, or may later have, addresses of its own.
"""

import re
from functools import cache

from django.conf import settings
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

PAGE_VIEW = "pages:page-detail"
_LITERAL = re.compile(r"^\^?([-\w.]+)")


def _first_segments(patterns, prefix=""):
    for entry in patterns:
        text = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _first_segments(entry.url_patterns, text.lstrip("^"))
        elif isinstance(entry, URLPattern):
            found = _LITERAL.match(text.lstrip("^"))
            if found and "<" not in found[1] and "(" not in found[1]:
                yield found[1].split("/")[0]


def _served_elsewhere():
    """What the web server answers in production (uploads, static files), and language
    codes, which may start public addresses."""
    prefixes = {settings.STATIC_URL, settings.MEDIA_URL}
    segments = {p.strip("/").split("/")[0] for p in prefixes if p and p.startswith("/")}
    return segments | {code.lower() for code, _name in settings.LANGUAGES}


@cache
def reserved_first_segments():
    """First parts of every address another app owns: {"admin", "campaigns", "feed", …}."""
    routes = {segment for segment in _first_segments(get_resolver().url_patterns) if segment}
    return frozenset(routes | _served_elsewhere())


def shadowed_view(path):
    """The name of the route a page at /<path>/ would collide with, or None."""
    first = path.split("/")[0]
    if first in reserved_first_segments():
        return f"/{first}/"
    try:
        match = resolve(f"/{path}/")
    except Resolver404:
        return None
    if match.view_name == PAGE_VIEW:
        return None
    return match.view_name
