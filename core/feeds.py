"""Feed generators whose bytes depend only on their items.

Django dates an empty feed's lastBuildDate/updated "now", so a feed with nothing in it yet
(a language's comments before anyone commented) changes every second: its ETag never
matches and caches keep a new copy each time. Here an empty feed carries a fixed date.
"""

from datetime import UTC, datetime

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

EMPTY_FEED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


class StableDateMixin:
    def latest_post_date(self):
        if not self.items:
            return EMPTY_FEED_DATE
        return super().latest_post_date()


class StableRssFeed(StableDateMixin, Rss201rev2Feed):
    pass


class StableAtomFeed(StableDateMixin, Atom1Feed):
    pass
