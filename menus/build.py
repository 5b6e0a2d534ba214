"""The menus as plain data, built in one query and kept until the site's content changes.

Items whose target was deleted, or is a draft, are left out (the admin flags them); the
current item is marked per request from the kept data, so one entry serves every address.
"""

from django.conf import settings
from django.db import DatabaseError
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.language import localize_path
from menus.models import Menu, MenuItem
from pagecache import generations
from pagecache.fragments import cached_value


def _defaults():
    """What the menus hold before staff make their own."""
    news, campaigns = reverse("blog:post-list"), reverse("campaigns:campaign-list")
    return {
        Menu.Location.HEADER: [
            {"label": _("News"), "url": news, "children": []},
            {"label": _("Campaigns"), "url": campaigns, "children": []},
            {"label": _("Search"), "url": reverse("blog:search"), "children": []},
        ],
        Menu.Location.FOOTER: [
            {"label": _("News"), "url": news, "children": []},
            {"label": _("Campaigns"), "url": campaigns, "children": []},
            {"label": _("RSS feed"), "url": reverse("blog:feed"), "children": []},
            {"label": _("Atom feed"), "url": reverse("blog:feed-atom"), "children": []},
        ],
    }


def link_of(item):
    """(label, url) for an item the public may follow, or None (deleted or draft target).

    In another language: the item's label in it (else the English one), a page, post or
    campaign's translation in it when there is a public one (else the original), a
    category's name in it, and an address on this site under its prefix.
    """
    code = get_language()
    label = (item.translations or {}).get(code, {}).get("label") or item.label
    if item.url:
        url = item.url
        if url.startswith("/") and code != settings.LANGUAGE_CODE:
            url = localize_path(url, code)
        return label or item.url, url
    target = item.target
    if target is None:
        return None
    if getattr(target, "language", code) != code:
        translation = type(target)._default_manager.filter(target.group_q(), language=code).first()
        if translation is not None and getattr(translation, "is_public", True):
            target, label = translation, (item.translations or {}).get(code, {}).get("label")
    if getattr(target, "is_public", True) is False:
        return None
    label = label or getattr(target, "title", None) or getattr(target, "local_name", "")
    return label, target.get_absolute_url()


def build_menus():
    """{location: [{"label", "url", "children": [...]}]}: one query for both menus. A menu
    with nothing to show readers shows the default links."""
    items = MenuItem.objects.select_related("menu", "page", "post", "category", "campaign")
    menus = {}
    by_pk, rows = {}, []
    for item in items.order_by("order", "pk"):
        link = link_of(item)
        if link is None:
            continue
        entry = {"label": link[0], "url": link[1], "children": []}
        by_pk[item.pk] = entry
        rows.append((item, entry))
    for item, entry in rows:
        if item.parent_id is None:
            menus.setdefault(item.menu.location, []).append(entry)
        elif item.parent_id in by_pk:
            by_pk[item.parent_id]["children"].append(entry)
    defaults = _defaults()
    return {location: menus.get(location) or defaults[location] for location in defaults}


def site_menus(request):
    try:
        return cached_value(
            request, f"menus:{get_language()}", build_menus, generation=generations.SITE
        )
    except DatabaseError:
        # An error page for a request whose transaction failed (the admin's 400 for a
        # filter the database refused) cannot query: it shows the default links.
        return _defaults()


def _is_active(url, path, section, homes):
    if url == path:
        return True
    if url in homes:
        # A home ("/", "/fr/") is the news section, not every address under it.
        return section == "blog"
    return url.startswith("/") and path.startswith(url)


def marked(entries, request, homes=None):
    """The entries with "current" (this address) and "active" (this section) set."""
    path = request.path if request is not None else ""
    match = getattr(request, "resolver_match", None)
    section = match.app_name if match and match.view_name != "blog:search" else ""
    if homes is None:
        homes = ("/", reverse("blog:post-list"))
    result = []
    for entry in entries:
        children = marked(entry["children"], request, homes)
        result.append(
            {
                **entry,
                "children": children,
                "current": entry["url"] == path,
                "active": _is_active(entry["url"], path, section, homes)
                or any(child["active"] for child in children),
            }
        )
    return result
