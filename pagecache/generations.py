"""Generation numbers: what cached pages and fragments put in their keys.

- ``SITE`` changes with anything that lists pages or shows in navigation: posts, categories,
  tags, authors, campaigns (the apps bump it from their signals).
- ``PUBLICATION`` changes when what is published, or when, changes (archive months).
- ``COMMENTS`` changes when any post's comment count changes (the counts on list pages).
- ``path_name(path)`` changes with one page: a post's comments, say.
- A scheduled post appears at its time: apps register when content changes by itself
  (``register_schedule``), and the first request after that moment bumps ``SITE``.

With a shared cache (CACHE_URL, i.e. Redis) the numbers live there; without one they live
in PostgreSQL (one small query per page), so every server process sees every bump at once.
In PostgreSQL a bump is part of the transaction that changed the content, so no other
process sees the new number before the new content. In Redis it is visible at once, so it is
made again after the commit: a page rendered from not yet committed data in between is then
left under a number nobody asks for.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

SITE = "site"
# What is published, and when: archive months, list counts. A subset of SITE's changes.
PUBLICATION = "publication"
# Comment counts: the posts of a list page, kept with their counts, are read again.
COMMENTS = "comments"
# A cache or database that is down must not take pages down: they are then served uncached.
OUTAGES = (RedisError, DatabaseError, OSError)
_schedules = []


def path_name(path):
    return "path:" + hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()[:24]


def register_schedule(source):
    """``source()`` returns the next time content changes by itself (or None)."""
    _schedules.append(source)


def next_change():
    times = [when for source in _schedules if (when := source()) is not None]
    return min(times, default=None)


def for_request(request, *names):
    """Like current(), remembered on the request (the page cache and fragments both ask)."""
    if request is None:
        values = current(names)
        return [values[name] for name in names]
    known = request.__dict__.setdefault("_generations", {})
    missing = [name for name in names if name not in known]
    if missing:
        try:
            known.update(current(missing, everything=True))
        except OUTAGES:
            # Numbers nothing was ever stored under: this request renders everything.
            logger.warning("Cache generations unavailable", exc_info=True)
            known.update({name: f"unavailable-{time.time_ns()}" for name in missing})
    return [known[name] for name in names]


def current(names, *, everything=False):
    """{name: value} for the given names (and SITE, PUBLICATION and COMMENTS, read in the
    same query, if ``everything``), after bumping SITE and PUBLICATION if content has changed
    by itself (a scheduled post's time has come)."""
    store = _store()
    wanted = list(dict.fromkeys([SITE, PUBLICATION, COMMENTS, *names]))
    values, due = store.read(wanted)
    if due is not None and due <= timezone.now():
        store.bump(PUBLICATION, None)
        store.bump(SITE, next_change())
        values, _due = store.read(wanted)
    return values if everything else {name: values[name] for name in names}


def bump(*names):
    """Change these generations: cached pages and fragments that name them are not used again."""
    store = _store()
    for name in names:
        store.bump(name, next_change() if name == SITE else None)
    if isinstance(store, CacheStore) and connection.in_atomic_block:
        transaction.on_commit(lambda: bump(*names), robust=True)


def _store():
    return CacheStore() if settings.CACHE_URL else DatabaseStore()


class DatabaseStore:
    _UPSERT = """
        INSERT INTO pagecache_generation (name, value, changes_at) VALUES (%s, 2, %s)
        ON CONFLICT (name) DO UPDATE
        SET value = pagecache_generation.value + 1, changes_at = EXCLUDED.changes_at
    """

    # Raw SQL: read on every request (page cache hits included), compiling the ORM query
    # cost about as much as running it.
    _READ = "SELECT name, value, changes_at FROM pagecache_generation WHERE name = ANY(%s)"

    def read(self, names):
        with connection.cursor() as cursor:
            cursor.execute(self._READ, [list(names)])
            rows = cursor.fetchall()
        values = dict.fromkeys(names, 1)
        due = None
        for name, value, changes_at in rows:
            values[name] = value
            if name == SITE:
                due = changes_at
        return values, due

    def bump(self, name, changes_at):
        with connection.cursor() as cursor:
            cursor.execute(self._UPSERT, [name, changes_at])


class CacheStore:
    """In the shared cache. A number that was evicted restarts from the clock, never from a
    value an old cached page could still carry."""

    def __init__(self):
        self.cache = caches["default"]

    def read(self, names):
        keys = {f"gen:{name}": name for name in names}
        found = self.cache.get_many([*keys, "gen-due:site"])
        values = {}
        for key, name in keys.items():
            if key not in found:
                self.cache.add(key, time.time_ns(), None)
                found[key] = self.cache.get(key, 0)
            values[name] = found[key]
        return values, found.get("gen-due:site")

    def bump(self, name, changes_at):
        key = f"gen:{name}"
        try:
            try:
                self.cache.incr(key)
            except ValueError:
                self.cache.add(key, time.time_ns(), None)
            if name == SITE:
                self.cache.set("gen-due:site", changes_at, None)
        except (RedisError, OSError):
            # Content is saved whether or not Redis answers. While it is down nothing is
            # served from it; what it still holds afterwards expires (fragments.TIMEOUT).
            logger.error("Could not bump cache generation %s", name, exc_info=True)
