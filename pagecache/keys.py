"""The page cache key: host, path and the query parameters that change a page, nothing else.

Unknown parameters (?utm_source=…, ?x=<random>) are removed from the request before any
view sees them, so they cannot change a page nor make a new cache entry.
"""

import hashlib

from django.conf import settings
from django.http import QueryDict
from django.utils.http import urlencode


def normalise_query(request):
    """Keep only the known parameters (first value each, in a fixed order) on the request."""
    original = request.GET
    kept = [
        (name, original[name])
        for name in sorted(settings.PAGE_QUERY_PARAMETERS)
        if name in original and original[name] != ""
    ]
    query = urlencode(kept)
    if query != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)
    return query


def page_key(request, query, generations):
    # get_host() is checked against ALLOWED_HOSTS (a bad Host is a 400 before this), and
    # X-Forwarded-Host is ignored (USE_X_FORWARDED_HOST is off).
    parts = [request.get_host(), request.path, query, *map(str, generations)]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"page:{digest}"
