"""Whole pages from the cache for readers, and the Cache-Control of every response."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response

from pagecache import generations, keys, policy

logger = logging.getLogger(__name__)
OUTAGES = generations.OUTAGES
STORED_HEADERS_SKIPPED = {"content-length", "set-cookie"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not policy.is_reader_request(request):
            response = self.get_response(request)
            policy.make_private(response)
            return response
        query = keys.normalise_query(request)
        key = self._key(request, query)
        if key is not None and (cached := self._get(key)) is not None:
            response = _rebuild(cached)
            response["X-Page-Cache"] = "hit"
            return _conditional(request, response)
        response = self.get_response(request)
        if not policy.is_public_response(response):
            policy.make_private(response)
            policy.drop_vary_cookie(response)
            return response
        policy.make_public(response)
        if not response.streaming:
            response["ETag"] = (
                f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
            )
        if key is not None and policy.may_store(response):
            response["X-Page-Cache"] = "miss"
            self._set(key, response)
        return _conditional(request, response)

    def _key(self, request, query):
        if not settings.PAGE_CACHE or any(
            name in request.GET for name in settings.PAGE_QUERY_PARAMETERS_UNCACHED
        ):
            return None
        names = [generations.SITE, generations.path_name(request.path)]
        try:
            values = generations.for_request(request, *names)
        except OUTAGES:
            logger.warning("Page cache generations unavailable", exc_info=True)
            return None
        return keys.page_key(request, query, values)

    def _get(self, key):
        try:
            return caches["pages"].get(key)
        except OUTAGES:
            logger.warning("Page cache unavailable", exc_info=True)
            return None

    def _set(self, key, response):
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in STORED_HEADERS_SKIPPED
        ]
        try:
            caches["pages"].set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
        except OUTAGES:
            logger.warning("Page cache unavailable", exc_info=True)


def etag(content):
    """A strong ETag: the same bytes always give the same tag, in every process."""
    return f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'


def _rebuild(cached):
    content, headers = cached
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def _conditional(request, response):
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    return get_conditional_response(request, etag=response.get("ETag"), response=response)
