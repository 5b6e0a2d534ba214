"""The site text record, kept in the cache until the site's content changes."""

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Q, Value
from django.db.models.functions import JSONObject

from menus.models import SiteText
from pagecache import generations
from pagecache.fragments import cached_value


def _load():
    """The record with its links (one query), or the defaults before staff save it."""
    links = ArrayAgg(
        JSONObject(label="links__label", url="links__url"),
        filter=Q(links__isnull=False),
        order_by=("links__order", "links__pk"),
        default=Value([]),
    )
    text = SiteText.objects.filter(pk=1).annotate(link_list=links).first()
    if text is None:
        text = SiteText(pk=1)
        text.link_list = []
    return text


def site_text(request=None):
    return cached_value(request, "site-text", _load, generation=generations.SITE)
