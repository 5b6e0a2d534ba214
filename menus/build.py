"""The menus as plain data, built in one query and kept until the site's content changes.

Items whose target was deleted, or is a draft, are left out (the admin flags them); the
current item is marked per request from the kept data, so one entry serves every address.
"""

from django.db import DatabaseError
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

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
    """(label, url) for an item the public may follow, or None (deleted or draft target)."""
    if item.url:
        return item.label or item.url, item.url
    target = item.target
    if target is None:
        return None
    if getattr(target, "is_public", True) is False:
        return None
    label = item.label or getattr(target, "title", None) or getattr(target, "name", "")
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


def _is_active(url, path, section):
    if url == path:
        return True
    if url == "/":
        return section == "blog"
    return url.startswith("/") and path.startswith(url)


def marked(entries, request):
    """The entries with "current" (this address) and "active" (this section) set."""
    path = request.path if request is not None else ""
    match = getattr(request, "resolver_match", None)
    section = match.app_name if match and match.view_name != "blog:search" else ""
    result = []
    for entry in entries:
        children = marked(entry["children"], request)
        result.append(
            {
                **entry,
                "children": children,
                "current": entry["url"] == path,
                "active": _is_active(entry["url"], path, section)
                or any(child["active"] for child in children),
            }
        )
    return result
