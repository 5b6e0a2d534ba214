"""Posts, in batches: convert, compare with the last import, bulk-insert what is new.

New posts are inserted with ``bulk_create``: ``Post.save()`` would update the search vector
one row at a time (three times slower for a large export). What save() derives comes from
the same two functions instead: ``Post.derive_fields()`` for each post, and
``blog.models.update_search_vectors()`` for the whole batch. Changed posts, and posts that
get a featured image, go through ``Post.save()`` itself, so whatever it (or a post_save
hook) does with images runs for them. Old permalinks go through ``blog.redirects``, the rule
edits use.
"""

from collections import Counter
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from taggit.models import TaggedItem

from blog.models import Post, update_search_vectors
from blog.redirects import remember_old_paths
from core.sanitize import foreign_images
from wordpress.content import convert_body, plain_text
from wordpress.media import rewrite_upload_urls, uploads_pattern
from wordpress.models import ImportedObject
from wordpress.threads import CommentImporter
from wordpress.values import clean_slug, content_hash, parse_wp_date, unique_slug

Kind = ImportedObject.Kind
STATUSES = {
    "publish": Post.Status.PUBLISHED,
    "future": Post.Status.PUBLISHED,  # published with a future date: appears by itself then
    "draft": Post.Status.DRAFT,
    "pending": Post.Status.DRAFT,
    "private": Post.Status.DRAFT,
}
CHUNK = 500


def old_path(link):
    """The path of a WordPress permalink, as Django's redirect middleware will look it up."""
    parts = urlsplit(link or "")
    if parts.query or parts.path in ("", "/"):
        return ""  # ?p=123 links are answered by wordpress.middleware
    return escape_uri_path(unquote(parts.path))


WRITTEN = ("title", "author_id", "status", "publish_at", "excerpt", "body", "is_sticky",
           "allow_comments")  # fmt: skip


def derived_fields(**written):
    """The post row's fields: what the export says, plus what Post.save() derives from it."""
    post = Post(**written)
    post.derive_fields()
    return {name: getattr(post, name) for name in (*WRITTEN, *Post.DERIVED_FIELDS)}


@dataclass
class PostData:
    wp_id: int
    guid: str
    slug: str
    fields: dict
    categories: list
    tags: list
    thumbnail: int | None
    old_path: str
    digest: str = ""
    pk: int | None = None
    mapping: ImportedObject | None = None


class PostBatch:
    def __init__(self, importer):
        self.importer = importer
        self.summary = importer.summary
        self.counts = importer.summary.counts["posts"]
        self.content_type = ContentType.objects.get_for_model(Post)
        self.comments = CommentImporter(importer)
        self.thumbnails = {}  # post pk -> attachment wp_id
        self.outcome = {}  # post pk -> "created" / "updated" / "skipped"
        self.seen = set()
        self.offsets = Counter()  # (WordPress UTC offset, ours) -> posts where they differ
        self.moved_days = 0
        self._pattern = None
        self._redirects = []

    @property
    def pattern(self):
        if self._pattern is None:
            site = self.importer.site
            self._pattern = uploads_pattern([site.base_site_url, site.base_blog_url, site.link])
        return self._pattern

    # ------------------------------------------------------------------ converting
    def prepare(self, item):
        """Everything the post row will hold, and a hash of it to compare with the last run."""
        imp, warn = self.importer, self.summary.warn
        title = plain_text(item.title) or f"Untitled ({item.wp_id})"
        if len(title) > 200:
            warn(f"Post {item.wp_id}: title cut to 200 characters")
            title = title[:200]
        slug = clean_slug(item.post_name, title, f"post-{item.wp_id}", 200)
        if item.post_name and slug != unquote(item.post_name):
            warn(
                f"Post {item.wp_id}: slug {unquote(item.post_name)!r} is not a plain ASCII "
                f"slug; imported as {slug!r} (the old address redirects)"
            )
        status = STATUSES.get(item.status)
        if status is None:
            warn(f"Post {slug!r}: unknown status {item.status!r}; imported as a draft")
            status = Post.Status.DRAFT
        if item.password and status == Post.Status.PUBLISHED:
            warn(f"Post {slug!r} is password-protected in WordPress; imported as a draft")
            status = Post.Status.DRAFT
        publish_at = parse_wp_date(item.post_date_gmt, item.post_date)
        if publish_at is None:
            warn(f"Post {slug!r} has no valid date; dated now")
            publish_at = timezone.now()
        elif item.status in ("publish", "future"):
            self._compare_timezone(item, publish_at)
        body, unknown = convert_body(item.content)
        if unknown:
            self.summary.unknown_shortcodes.update(unknown)
            names = ", ".join(f"[{name}]" for name in sorted(unknown))
            warn(f"Post {slug!r} keeps shortcodes as text: {names}")
        if imp.media.root is not None:
            body, missing = rewrite_upload_urls(body, self.pattern, imp.media)
            if missing:
                files = ", ".join(sorted(set(missing)))
                warn(f"Post {slug!r} links to files not found in --media-dir: {files}")
        if foreign := foreign_images(body):
            sources = ", ".join(sorted(set(foreign)))
            warn(
                f"Post {slug!r} shows images from other sites; their addresses were dropped: "
                f"{sources}"
            )
        categories = sorted(
            {
                imp.category_for(nicename, name)
                for domain, nicename, name in item.categories
                if domain == "category" and nicename
            }
        )
        tags = sorted(
            {
                imp.tag_for(nicename, name)
                for domain, nicename, name in item.categories
                if domain == "post_tag" and nicename
            }
        )
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        data = PostData(
            wp_id=item.wp_id,
            guid=item.guid,
            slug=slug,
            fields=derived_fields(
                title=title,
                author_id=imp.author_for(item.creator),
                status=status,
                publish_at=publish_at,
                excerpt=plain_text(item.excerpt),
                body=body,
                is_sticky=item.is_sticky,
                allow_comments=item.comment_status != "closed",
            ),
            categories=categories,
            tags=tags,
            thumbnail=int(thumbnail) if thumbnail.isdigit() and thumbnail != "0" else None,
            old_path=old_path(item.link) if status == Post.Status.PUBLISHED else "",
        )
        data.digest = content_hash(
            slug, item.post_date_gmt, item.post_date, data.categories, data.tags,
            data.thumbnail, *(v for k, v in data.fields.items() if k != "publish_at"),
        )  # fmt: skip
        return data

    def _compare_timezone(self, item, publish_at):
        """WordPress dated its permalinks in the site's timezone; ours use TIME_ZONE."""

        local = parse_wp_date("", item.post_date)
        if local is None:
            return
        wp_offset = local.replace(tzinfo=None) - publish_at.replace(tzinfo=None)
        ours = timezone.localtime(publish_at)
        if ours.utcoffset() != wp_offset:
            self.offsets[(wp_offset, ours.utcoffset())] += 1
            if ours.date() != local.date():
                self.moved_days += 1

    # ------------------------------------------------------------------ writing
    def import_batch(self, items):
        fresh = []
        for item in items:
            if item.wp_id in self.seen or not item.wp_id:
                self.summary.warn(
                    f"Post ID {item.wp_id} appears twice in the export; kept the first"
                )
                continue
            self.seen.add(item.wp_id)
            fresh.append(item)
        items = fresh
        mappings = {
            m.wp_id: m
            for m in ImportedObject.objects.filter(
                kind=Kind.POST, wp_id__in=[i.wp_id for i in items]
            )
        }
        alive = set(
            Post.objects.filter(pk__in=[m.object_id for m in mappings.values()]).values_list(
                "pk", flat=True
            )
        )
        new, changed, post_pks = [], [], {}
        for item in items:
            data = self.prepare(item)
            data.mapping = mappings.get(item.wp_id)
            if data.mapping is not None and data.mapping.object_id in alive:
                data.pk = post_pks[item.wp_id] = data.mapping.object_id
                if data.mapping.content_hash == data.digest:
                    self._done(data.pk, "skipped")
                else:
                    changed.append(data)
                if data.thumbnail:
                    self.thumbnails[data.pk] = data.thumbnail
            else:
                new.append(data)
        self._create(new, post_pks)
        self._update(changed)
        self._save_redirects()
        self.comments.import_for(items, post_pks)

    def _done(self, pk, outcome):
        self.outcome[pk] = outcome
        setattr(self.counts, outcome, getattr(self.counts, outcome) + 1)

    def _create(self, new, post_pks):
        if not new:
            return

        taken = set(
            Post.objects.filter(slug__in=[d.slug for d in new]).values_list("slug", flat=True)
        )
        posts = []
        for data in new:
            slug = data.slug
            if slug in taken:
                slug = unique_slug(Post, slug, 200, taken=taken)
                self.summary.warn(
                    f"Post {data.wp_id}: slug {data.slug!r} is taken here; imported as {slug!r}"
                )
            taken.add(slug)
            posts.append(Post(slug=slug, **data.fields))
        Post.objects.bulk_create(posts)
        update_search_vectors([p.pk for p in posts])
        through = Post.categories.through
        category_rows, tag_rows, new_rows, stale_rows = [], [], [], []
        for data, post in zip(new, posts, strict=True):
            data.pk = post_pks[data.wp_id] = post.pk
            self._done(post.pk, "created")
            category_rows += [through(post_id=post.pk, category_id=c) for c in data.categories]
            tag_rows += [
                TaggedItem(content_type=self.content_type, object_id=post.pk, tag_id=t)
                for t in data.tags
            ]
            if data.thumbnail:
                self.thumbnails[post.pk] = data.thumbnail
            if data.old_path and data.old_path != post.get_absolute_url():
                self._redirects.append((data.old_path, post.get_absolute_url()))
            mapping = data.mapping
            if mapping is None:
                mapping = ImportedObject(kind=Kind.POST, wp_id=data.wp_id)
                new_rows.append(mapping)
            else:  # the post imported before was deleted here: import it again
                stale_rows.append(mapping)
            mapping.guid, mapping.content_hash, mapping.file = data.guid[:500], data.digest, ""
            mapping.content_type, mapping.object_id = self.content_type, post.pk
            mapping.imported_at = timezone.now()
        through.objects.bulk_create(category_rows)
        TaggedItem.objects.bulk_create(tag_rows)
        ImportedObject.objects.bulk_create(new_rows)
        ImportedObject.objects.bulk_update(
            stale_rows, ["guid", "content_hash", "file", "content_type", "object_id", "imported_at"]
        )

    def _update(self, changed):
        """A newer export changed these posts: save each through Post.save()."""
        if not changed:
            return
        posts = Post.objects.in_bulk([d.pk for d in changed])
        for data in changed:
            post = posts[data.pk]
            was_public = post.status == Post.Status.PUBLISHED
            before = post.get_absolute_url()
            for name, value in data.fields.items():
                setattr(post, name, value)
            if data.slug != post.slug and not Post.objects.filter(slug=data.slug).exists():
                post.slug = data.slug
            mapping = data.mapping
            if not data.thumbnail and mapping.file and post.featured_image.name == mapping.file:
                post.featured_image, post.featured_image_alt, mapping.file = "", "", ""
            post.save()
            post.categories.set(data.categories)
            TaggedItem.objects.filter(content_type=self.content_type, object_id=post.pk).delete()
            TaggedItem.objects.bulk_create(
                TaggedItem(content_type=self.content_type, object_id=post.pk, tag_id=t)
                for t in data.tags
            )
            after = post.get_absolute_url()
            if was_public and before != after:
                self._redirects.append((before, after))
            if data.old_path and data.old_path != after:
                self._redirects.append((data.old_path, after))
            mapping.content_hash, mapping.guid = data.digest, data.guid[:500]
            mapping.imported_at = timezone.now()
            self._done(post.pk, "updated")
        ImportedObject.objects.bulk_update(
            [d.mapping for d in changed], ["content_hash", "guid", "file", "imported_at"]
        )

    def _save_redirects(self):
        """Old permalinks that differ from the new ones (another day, slug or structure)."""
        pairs, self._redirects = dict(self._redirects), []
        for old in [old for old in pairs if len(old) > 200]:
            self.summary.warn(f"Old address too long to redirect (over 200 characters): {old}")
            del pairs[old]
        remember_old_paths(pairs)
        self.summary.redirects += len(pairs)

    # ------------------------------------------------------------------ after the last item
    def set_featured_images(self):
        """Featured images come last: an attachment usually follows its post in the file."""
        imp = self.importer
        unknown = {a for a in self.thumbnails.values() if a not in imp.attachments}
        earlier = {
            m.wp_id: (m.file, "")
            for m in ImportedObject.objects.filter(kind=Kind.ATTACHMENT, wp_id__in=unknown)
        }
        pks = list(self.thumbnails)
        for start in range(0, len(pks), CHUNK):
            chunk = pks[start : start + CHUNK]
            mappings = {
                m.object_id: m
                for m in ImportedObject.objects.filter(
                    kind=Kind.POST, content_type=self.content_type, object_id__in=chunk
                )
            }
            for post in Post.objects.filter(pk__in=chunk):
                attachment = self.thumbnails[post.pk]
                name, alt = imp.attachments.get(attachment) or earlier.get(attachment, (None, ""))
                if name is None:
                    self.summary.warn(
                        f"Post {post.slug!r}: featured image (attachment {attachment}) "
                        "is not in the export"
                    )
                if not name or mappings[post.pk].file == name:
                    continue  # a missing file was reported with its attachment
                if self.outcome.get(post.pk) == "skipped":
                    self.counts.skipped -= 1
                    self._done(post.pk, "updated")
                if imp.dry_run:
                    continue  # the file was not copied, so there is nothing to point at
                post.featured_image = name
                # Our admin requires a description with an image; the post title is the
                # best we have when WordPress had neither alt text nor an image title.
                post.featured_image_alt = (alt or post.title)[:250]
                post.save()
                mappings[post.pk].file = name
                mappings[post.pk].save(update_fields=["file"])

    def report_timezone(self):
        if not self.offsets:
            return
        for (wp_offset, ours), count in sorted(self.offsets.items()):
            self.summary.warn(
                f"{count} posts were dated at UTC{_offset(wp_offset)} in WordPress, but "
                f"TIME_ZONE={settings.TIME_ZONE} gives UTC{_offset(ours)}"
            )
        if self.moved_days:
            self.summary.warn(
                f"{self.moved_days} posts fall on another day here, so their /yyyy/mm/dd/ "
                "address differs (the old one redirects). Set TIME_ZONE to the WordPress "
                "site's timezone to keep the same dates; dates are stored in UTC, so no "
                "re-import is needed"
            )


def _offset(delta):
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
