"""Caching: Redis when CACHE_URL is set (shared by every server process), memory otherwise.

Two caches: "default" (fragments, navigation, generation numbers) and "pages" (whole pages
for readers, pagecache/). Cache-Control values tell browsers and shared caches (nginx, a
CDN) how long they may keep a public page; the app's own page cache is invalidated at once
when content changes, so PAGE_CACHE_SECONDS only bounds how far counters (comment and
supporter counts) may lag.
"""

from inpud.settings.env import env, env_bool, env_int

CACHE_URL = env("CACHE_URL")
if CACHE_URL:
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": CACHE_URL,
        # A Redis that stops answering costs a page at most this, then pages are served
        # uncached (pagecache.middleware) rather than hanging.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": "inpud"},
        "pages": {**_redis, "KEY_PREFIX": "inpud-pages"},
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "d"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_MAX_ENTRIES", 2000)},
        },
    }

# The app's page cache for readers (pagecache/middleware.py).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
# Fragments (sidebar, post cards, comment threads) kept in the "default" cache.
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", True)
# What browsers and shared caches may do with a public page (Cache-Control).
PUBLIC_MAX_AGE = env_int("PUBLIC_MAX_AGE", 0)
PUBLIC_SHARED_MAX_AGE = env_int("PUBLIC_SHARED_MAX_AGE", 30)
PUBLIC_STALE_WHILE_REVALIDATE = env_int("PUBLIC_STALE_WHILE_REVALIDATE", 60)
PUBLIC_STALE_IF_ERROR = env_int("PUBLIC_STALE_IF_ERROR", 86400)
# Query parameters that change a public page; every other one is dropped before the view
# runs, so ?utm_source= and ?x=<random> neither change a page nor make a cache entry.
PAGE_QUERY_PARAMETERS = ("page", "q", "p", "replytocom", "cpage")
# Pages with these are rendered every time (a reply form for any comment id).
PAGE_QUERY_PARAMETERS_UNCACHED = ("replytocom",)
# Never public, never cached: the staff side. Readers' private pages (supporter links,
# /your-data/) are not listed: they are "private, no-store" by their views
# (core.samesite.private_page), and as reader pages they answer without Vary: Cookie and in
# the language of their address.
PRIVATE_PATH_PREFIXES = ("/admin/", "/ckeditor5/", "/healthz")
