"""WordPress menus (nav_menu_item) into the header and footer menus.

WordPress keeps which menu sits where (theme locations) in the theme's settings, which an
export does not carry; a menu whose name says footer goes to the footer, one that says
header, main, primary or top to the header, and otherwise the first menu goes to the header
and the second to the footer. Items point to pages, posts and categories through the
mapping, or to an address; the header nests one level, the footer not at all.
"""

from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType

from blog.models import Category, Post
from menus.models import Menu, MenuItem
from pages.models import Page
from wordpress.content import plain_text
from wordpress.models import ImportedObject
from wordpress.values import content_hash

Kind = ImportedObject.Kind
HEADER_WORDS = ("header", "main", "primary", "top")
TARGETS = {"page": (Kind.PAGE, Page, "page"), "post": (Kind.POST, Post, "post"),
           "category": (Kind.CATEGORY, Category, "category")}  # fmt: skip


def _location(slug, name, taken):
    words = f"{slug} {name}".lower()
    if "footer" in words:
        return Menu.Location.FOOTER
    if any(word in words for word in HEADER_WORDS):
        return Menu.Location.HEADER
    for location in (Menu.Location.HEADER, Menu.Location.FOOTER):
        if location not in taken.values():
            return location
    return None


class MenuImport:
    def __init__(self, importer):
        self.importer = importer
        self.summary = importer.summary
        self.counts = importer.summary.counts["menu items"]
        self.content_type = ContentType.objects.get_for_model(MenuItem)
        self.items = []

    def add(self, item):
        if item.status in ("trash", "draft", "auto-draft"):
            self.summary.not_imported[f"menu items in WordPress's {item.status}"] += 1
            return
        self.items.append(item)

    def _menu_of(self, item, locations):
        for domain, nicename, name in item.categories:
            if domain == "nav_menu" and nicename:
                if nicename not in locations:
                    locations[nicename] = _location(nicename, name, locations)
                    if locations[nicename] is None:
                        self.summary.warn(f"Menu {name or nicename!r}: header and footer are "
                                          "taken by other menus; not imported")  # fmt: skip
                return locations[nicename]
        return None

    def finish(self):
        locations, menus, done = {}, {}, {}
        items = sorted(self.items, key=lambda i: (i.menu_order, i.wp_id))
        parents = {i.wp_id: i.meta.get("_menu_item_menu_item_parent", "0") for i in items}
        for item in items:
            location = self._menu_of(item, locations)
            if location is None:
                self.summary.not_imported["menu items of other menus"] += 1
                continue
            if location not in menus:
                menus[location], _ = Menu.objects.get_or_create(location=location)
            target = self._target(item)
            if target is None:
                continue
            parent_wp = _top(int(parents.get(item.wp_id, "0") or 0), parents)
            parent = done.get(parent_wp) if location == Menu.Location.HEADER else None
            label = plain_text(item.title)[:100]
            fields = {"menu": menus[location], "order": item.menu_order, "label": label,
                      "parent": parent, **target}  # fmt: skip
            done[item.wp_id] = self._save(item, fields)

    def _target(self, item):
        meta = item.meta
        kind = meta.get("_menu_item_object", "")
        if meta.get("_menu_item_type") == "custom" or kind == "custom":
            return {"url": self._address(meta.get("_menu_item_url", "").strip())}
        if kind not in TARGETS:
            self.summary.warn(f"Menu item {item.wp_id} points to a {kind!r}; not imported")
            return None
        mapping_kind, model, field = TARGETS[kind]
        wp_id = meta.get("_menu_item_object_id", "").strip()
        mapping = self.importer.mapping(mapping_kind, int(wp_id)) if wp_id.isdigit() else None
        target = self.importer.target(mapping, model)
        if target is None:
            self.summary.warn(f"Menu item {item.wp_id} points to {kind} {wp_id or '?'}, which "
                              "was not imported; not imported")  # fmt: skip
            return None
        return {field: target}

    def _address(self, url):
        """Links to the old site itself become addresses on this one."""
        site = self.importer.site
        own = {urlsplit(u).netloc for u in (site.base_site_url, site.base_blog_url, site.link)}
        parts = urlsplit(url)
        if parts.netloc and parts.netloc in own:
            return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return url[:500] or "/"

    def _save(self, item, fields):
        digest = content_hash(*(str(getattr(v, "pk", v)) for v in fields.values()))
        mapping = self.importer.mapping(Kind.MENU_ITEM, item.wp_id)
        menu_item = self.importer.target(mapping, MenuItem)
        if menu_item is not None and mapping.content_hash == digest:
            self.counts.skipped += 1
            return menu_item
        if menu_item is None:
            menu_item = MenuItem()
            self.counts.created += 1
        else:
            self.counts.updated += 1
        for name in ("page", "post", "category", "campaign"):
            setattr(menu_item, name, None)
        menu_item.url = ""
        for name, value in fields.items():
            setattr(menu_item, name, value)
        menu_item.save()
        self.importer.record(Kind.MENU_ITEM, item.wp_id, mapping, menu_item, digest=digest,
                             guid=item.guid)  # fmt: skip
        return menu_item


def _top(wp_id, parents):
    """The header nests one level: a deeper item goes under its top-level ancestor."""
    seen = set()
    while wp_id and int(parents.get(wp_id, "0") or 0) and wp_id not in seen:
        seen.add(wp_id)
        wp_id = int(parents[wp_id])
    return wp_id
