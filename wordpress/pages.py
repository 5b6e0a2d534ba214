"""WordPress pages: the tree, menu order, status, excerpt, featured image and body.

Pages are few, so they are kept until the end of the file (a child may come before its
parent, an attachment after the page it features) and then written parents first, one by
one through Page.save(), so the tree's addresses, revisions and redirects follow the same
rules as edits in the admin. Each page keeps its WordPress permalink when it can
(/about-us/our-history/); where it cannot, the old address redirects to the new one.
Comments on pages are imported like those on posts (wordpress/threads.py), after the pages;
a page takes comments here when WordPress had them open on it.
"""

from django.contrib.contenttypes.models import ContentType

from blog.redirects import remember_old_paths
from core.sanitize import foreign_images
from pages.models import Page
from pages.reserved import shadowed_view
from wordpress.content import convert_body, plain_text
from wordpress.media import rewrite_upload_urls
from wordpress.models import ImportedObject
from wordpress.posts import STATUSES, old_path
from wordpress.values import clean_slug, content_hash, parse_wp_date

Kind = ImportedObject.Kind
SKIPPED = ("trash", "auto-draft", "inherit")


class PageImport:
    def __init__(self, importer):
        self.importer = importer
        self.summary = importer.summary
        self.counts = importer.summary.counts["pages"]
        self.content_type = ContentType.objects.get_for_model(Page)
        self.items = {}  # wp_id -> Item
        self.pages = {}  # wp_id -> Page pk, for menus

    def add(self, item):
        if item.status in SKIPPED:
            self.summary.not_imported[f"pages in WordPress's {item.status}"] += 1
            self.summary.not_imported["comments on pages not imported"] += len(item.comments)
            return
        self.items[item.wp_id] = item

    def _depth(self, wp_id, seen=()):
        parent = self.items[wp_id].post_parent
        if parent not in self.items or parent in seen:
            return 0
        return 1 + self._depth(parent, (*seen, wp_id))

    def finish(self):
        redirects = {}
        for wp_id in sorted(self.items, key=lambda i: (self._depth(i), i)):
            page = self._import(self.items[wp_id])
            self.pages[wp_id] = page.pk
            old = old_path(self.items[wp_id].link)
            if old and page.status == Page.Status.PUBLISHED and old != page.get_absolute_url():
                redirects[old] = page.get_absolute_url()
        remember_old_paths(redirects)
        self.summary.redirects += len(redirects)
        self.importer.posts.comments.import_for(self.items.values(), self.pages, on="page")

    def _fields(self, item):
        warn = self.summary.warn
        title = (plain_text(item.title) or f"Untitled page ({item.wp_id})")[:200]
        status = STATUSES.get(item.status, Page.Status.DRAFT)
        if item.password and status == Page.Status.PUBLISHED:
            warn(f"Page {title!r} is password-protected in WordPress; imported as a draft")
            status = Page.Status.DRAFT
        body, unknown = convert_body(item.content)
        if unknown:
            self.summary.unknown_shortcodes.update(unknown)
        media = self.importer.media
        if media.root is not None:
            body, _missing = rewrite_upload_urls(body, self.importer.posts.pattern, media)
        if foreign := foreign_images(body):
            warn(f"Page {title!r} shows images from other sites; dropped: {', '.join(foreign)}")
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        image, alt = self.importer.attachments.get(int(thumbnail), ("", "")) if (
            thumbnail.isdigit()) else ("", "")  # fmt: skip
        parent = self.items.get(item.post_parent) and self.pages.get(item.post_parent)
        if item.post_parent and parent is None:
            warn(f"Page {title!r}: its parent page is not in the export; imported at the top")
        return {
            "title": title,
            "slug": clean_slug(item.post_name, title, f"page-{item.wp_id}", 100),
            "parent_id": parent,
            "order": max(item.menu_order, 0),
            "status": status,
            "publish_at": parse_wp_date(item.post_date_gmt, item.post_date),
            "excerpt": plain_text(item.excerpt)[:1000],
            "body": body,
            "featured_image": image if not self.importer.dry_run else "",
            "featured_image_alt": (alt or title)[:250] if image else "",
            # WordPress shows a page's comments while they are closed; here the switch hides
            # them too, so a closed page's comments are imported but wait for staff.
            "allow_comments": item.comment_status == "open",
        }

    def _free_slug(self, fields, page_pk):
        """A slug whose address is neither another page's nor another route's."""
        parent_path = ""
        if fields["parent_id"]:
            parent_path = Page.objects.values_list("path", flat=True).get(pk=fields["parent_id"])
        base, n = fields["slug"], 1
        while True:
            path = f"{parent_path}/{fields['slug']}".strip("/")
            taken = Page.objects.filter(path=path).exclude(pk=page_pk).exists()
            if not taken and shadowed_view(path) is None:
                break
            n += 1
            fields["slug"] = f"{base[:90]}-{n}"
        if n > 1:
            self.summary.warn(
                f"Page {fields['title']!r}: /{parent_path}/{base}/ is taken here; imported as "
                f"{fields['slug']!r} (the old address redirects)".replace("//", "/")
            )

    def _unmapped_at(self, fields):
        parent_path = ""
        if fields["parent_id"]:
            parent_path = Page.objects.values_list("path", flat=True).get(pk=fields["parent_id"])
        mapped = ImportedObject.objects.filter(kind=Kind.PAGE, content_type=self.content_type)
        return (
            Page.objects.filter(path=f"{parent_path}/{fields['slug']}".strip("/"))
            .exclude(pk__in=mapped.values("object_id"))
            .first()
        )

    def _import(self, item):
        fields = self._fields(item)
        if item.comments and not fields["allow_comments"]:
            self.summary.warn(
                f"Page {fields['title']!r} has comments but WordPress had them closed: "
                "imported, and shown once staff switch its comments on"
            )
        if fields["publish_at"] is None:
            fields.pop("publish_at")
        digest = content_hash(*(str(v) for v in fields.values()))
        mapping = self.importer.mapping(Kind.PAGE, item.wp_id)
        page = self.importer.target(mapping, Page) if mapping else None
        if page is not None and mapping.content_hash == digest:
            self.counts.skipped += 1
            return page
        if page is None:
            # A page made here at the same address is the same page: adopt it.
            page = self._unmapped_at(fields) or Page()
            self.counts.created += 1
        else:
            self.counts.updated += 1
        self._free_slug(fields, page.pk)
        for name, value in fields.items():
            setattr(page, name, value)
        page.save()
        self.importer.record(
            Kind.PAGE, item.wp_id, mapping, page, digest=digest, guid=item.guid,
            old_path=old_path(item.link),
        )  # fmt: skip
        return page
