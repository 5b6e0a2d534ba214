"""The site text record, kept in the cache until the site's content changes."""

from django.conf import settings
from django.contrib.postgres.aggregates import ArrayAgg
from django.db import DatabaseError
from django.db.models import Q, Value
from django.db.models.functions import JSONObject
from django.utils.translation import get_language, gettext

from core.language import localize_path
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
    return in_language(text) if text is not None else _defaults()


def in_language(text):
    """The record's values in the language being shown: staff's translation, else the
    catalogue's for a value still at its built-in default, else the English value. The
    banner's link on this site goes to the same page in the language."""
    code = get_language()
    if code == settings.LANGUAGE_CODE:
        return text
    values = (text.translations or {}).get(code, {})
    for name in SiteText.TRANSLATED:
        default = SiteText._meta.get_field(name).default
        if values.get(name):
            setattr(text, name, values[name])
        elif getattr(text, name) == default:
            setattr(text, name, gettext(default))
    if text.banner_button_url.startswith("/"):
        text.banner_button_url = localize_path(text.banner_button_url, code)
    return text


def _defaults():
    text = SiteText(pk=1)
    text.link_list = []
    return in_language(text)


def site_text(request=None):
    try:
        return cached_value(request, "site-text", _load, generation=generations.SITE)
    except DatabaseError:
        return _defaults()  # an error page in a failed transaction (see menus/build.py)
