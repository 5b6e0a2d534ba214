"""The public side, cache-first: pages a shared cache may keep, and the app's own page cache.

- ``middleware.PageCacheMiddleware`` answers anonymous GETs from a cache of whole pages
  (Redis with CACHE_URL, per-process memory otherwise), gives every response its
  Cache-Control (public with an ETag for what readers see, private and no-store for the
  rest) and answers conditional GETs with 304.
- ``generations`` names what a page depends on ("site" for everything in lists and
  navigation, a path for one page). Apps bump a generation when they change content; the
  page cache and fragment caches put the current generations in their keys, so what staff
  change shows on the next request without flushing anything.
"""
