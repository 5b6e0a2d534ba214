"""Parts of pages rendered once and kept: the sidebar, post cards, a post's comment thread.

A fragment's key holds everything its HTML depends on: the release (a hash of the
templates), the language, the SITE generation (any content change), and what the caller
adds (a post's id and last change, a path generation). Nothing needs deleting: a change
makes new keys, and old entries expire. These work with the page cache off too.
"""

import contextlib
import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.template import engines
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from pagecache import generations

# New keys replace old ones at once; this only bounds how long an unused entry is kept
# (and what a Redis that missed a bump during an outage can still serve).
TIMEOUT = 60 * 60


@cache
def release():
    """A hash of every template: a deploy with changed templates never reuses old fragments."""
    digest = hashlib.sha256()
    folders = [Path(folder) for engine in engines.all() for folder in engine.template_dirs]
    for folder in sorted(set(folders)):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _key(request, name, part, extra):
    (site,) = generations.for_request(request, generations.SITE)
    # Parts may come from the request (?page=…): hashed, so a key is always plain text.
    tail = hashlib.sha256("\x1f".join([*extra, str(part)]).encode()).hexdigest()[:32]
    return ":".join(["frag", release(), get_language() or "", str(site), name, tail])


def cached_html(request, name, render, *, part="", extra=(), timeout=TIMEOUT):
    """The fragment's HTML from the cache, or ``render()`` stored for next time."""
    if not settings.FRAGMENT_CACHE:
        return mark_safe(str(render()))  # noqa: S308 - HTML rendered by our own templates
    try:
        key = _key(request, name, part, extra)
        store = caches["default"]
        html = store.get(key)
    except generations.OUTAGES:
        return mark_safe(str(render()))  # noqa: S308
    if html is None:
        html = str(render())
        _store(store, {key: html}, timeout)
    return mark_safe(html)  # noqa: S308 - HTML rendered by our own templates


def cached_many(request, name, parts, render_missing, *, extra=()):
    """{part: HTML} for many fragments in one cache round trip; the missing ones are
    rendered together by ``render_missing(missing_parts) -> {part: html}``."""
    if not settings.FRAGMENT_CACHE:
        return {part: mark_safe(str(html)) for part, html in render_missing(parts).items()}  # noqa: S308
    store = caches["default"]
    try:
        keys = {part: _key(request, name, part, extra) for part in parts}
        found = store.get_many(list(keys.values()))
    except generations.OUTAGES:
        keys, found = {}, {}
    html = {part: found[key] for part, key in keys.items() if key in found}
    missing = [part for part in parts if part not in html]
    if missing:
        rendered = {part: str(value) for part, value in render_missing(missing).items()}
        if keys:
            _store(store, {keys[part]: value for part, value in rendered.items()})
        html.update(rendered)
    return {part: mark_safe(value) for part, value in html.items()}  # noqa: S308


def _store(store, entries, timeout=TIMEOUT):
    with contextlib.suppress(generations.OUTAGES):  # the next request renders it again
        store.set_many(entries, timeout)


def cached_value(request, name, compute, *, generation):
    """A computed value (anything the cache can pickle) kept until ``generation`` changes,
    per language (a language's archive months and search results are its own)."""
    store = caches["default"]
    try:
        (value,) = generations.for_request(request, generation)
        key = ":".join(["value", release(), get_language() or "", name, str(value)])
        found = store.get(key)
    except generations.OUTAGES:
        return compute()
    if found is None:
        found = compute()
        _store(store, {key: found})
    return found


def cached_count(request, name, count):
    """A number that changes only with the site's content (how many posts a list has),
    kept like a fragment; ``count()`` computes it when it is not kept."""
    return int(cached_html(request, "count", lambda: str(count()), part=name))


def cached_body(request, build, *, extra=()):
    """A whole response body derived only from content (a feed), kept like a fragment:
    ``build()`` returns the response, whose content and type are kept until SITE (and any
    generation in ``extra``) changes."""
    from_cache = cached_value(
        request,
        "body:"
        + hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
        + ":"
        + ":".join(map(str, extra)),
        lambda: _body_of(build()),
        generation=generations.SITE,
    )
    status, content_type, content = from_cache
    response = HttpResponse(content, content_type=content_type, status=status)
    return response


def _body_of(response):
    return response.status_code, response["Content-Type"], response.content
