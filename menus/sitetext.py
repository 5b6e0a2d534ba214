"""The site text record, kept in the cache until the site's content changes."""

from django.contrib.postgres.aggregates import ArrayAgg
from django.db import DatabaseError
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
    return text if text is not None else _defaults()


def _defaults():
    text = SiteText(pk=1)
    text.link_list = []
    return text


def site_text(request=None):
    try:
        return cached_value(request, "site-text", _load, generation=generations.SITE)
    except DatabaseError:
        return _defaults()  # an error page in a failed transaction (see menus/build.py)
