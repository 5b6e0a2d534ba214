"""Comments, with their threads, for a batch of posts (or for the pages, at the end).

Replies need their parent's primary key, so new comments are bulk-inserted one depth at a
time: every top-level comment of the batch, then every reply to those, and so on. Nothing
from a commenter's IP address is kept: the raw address must never be stored, and a hash
made years later would be of no use.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext

from comments.counts import refresh_comment_counts
from comments.models import Comment
from wordpress.content import plain_text
from wordpress.models import ImportedObject
from wordpress.values import content_hash, parse_wp_date

Kind = ImportedObject.Kind
STATUSES = {
    "1": Comment.Status.APPROVED,
    "approve": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.REMOVED,
    "post-trashed": Comment.Status.REMOVED,
}
FIELDS = [
    "parent_id",
    "depth",
    "author_name",
    "author_email",
    "author_url",
    "body",
    "status",
    "submitted_at",
]


class CommentImporter:
    def __init__(self, importer):
        self.importer = importer
        self.summary = importer.summary
        self.counts = importer.summary.counts["comments"]
        self.comment_type = ContentType.objects.get_for_model(Comment)

    def import_for(self, items, pks, *, on="post"):
        """The comments of these items, onto the post (``on="post"``) or page (``"page"``)
        each item's wp_id maps to in ``pks``."""
        prepared = []  # (wp comment, fields) for every comment kept
        for item in items:
            if item.wp_id in pks:
                prepared += self._thread(item, pks[item.wp_id])
        if not prepared:
            return
        ids = [c.wp_id for c, _ in prepared]
        mappings = {
            m.wp_id: m for m in ImportedObject.objects.filter(kind=Kind.COMMENT, wp_id__in=ids)
        }
        alive = set(
            Comment.objects.filter(pk__in=[m.object_id for m in mappings.values()]).values_list(
                "pk", flat=True
            )
        )
        pk_by_wp = {wp_id: m.object_id for wp_id, m in mappings.items() if m.object_id in alive}
        by_depth, changed = defaultdict(list), []
        for comment, fields in prepared:
            mapping = mappings.get(comment.wp_id)
            if comment.wp_id in pk_by_wp:
                if mapping.content_hash == fields["digest"]:
                    self.counts.skipped += 1
                else:
                    changed.append((comment, fields, mapping))
            else:
                by_depth[fields["depth"]].append((comment, fields, mapping))
        new_rows, stale_rows = [], []
        for depth in sorted(by_depth):
            group = by_depth[depth]
            objs = [self._comment(Comment(), fields, pk_by_wp, on) for _, fields, _ in group]
            Comment.objects.bulk_create(objs, batch_size=1000)
            for (comment, fields, mapping), obj in zip(group, objs, strict=True):
                pk_by_wp[comment.wp_id] = obj.pk
                if mapping is None:
                    mapping = ImportedObject(kind=Kind.COMMENT, wp_id=comment.wp_id)
                    new_rows.append(mapping)
                else:
                    stale_rows.append(mapping)
                self._map(mapping, obj.pk, fields["digest"])
            self.counts.created += len(objs)
        if changed:
            objs = Comment.objects.in_bulk([pk_by_wp[c.wp_id] for c, _, _ in changed])
            for comment, fields, mapping in changed:
                self._comment(objs[pk_by_wp[comment.wp_id]], fields, pk_by_wp, on)
                self._map(mapping, pk_by_wp[comment.wp_id], fields["digest"])
                stale_rows.append(mapping)
            Comment.objects.bulk_update(objs.values(), FIELDS, batch_size=1000)
            self.counts.updated += len(changed)
        ImportedObject.objects.bulk_create(new_rows, batch_size=1000)
        ImportedObject.objects.bulk_update(
            stale_rows,
            ["content_hash", "content_type", "object_id", "imported_at"],
            batch_size=1000,
        )
        # Bulk writes send no signals: count each touched post's approved comments once
        # (and show the change on each touched page).
        touched = {fields["item_pk"] for _, fields in prepared}
        refresh_comment_counts(**{f"{on}_ids": touched})

    def _map(self, mapping, pk, digest):
        mapping.content_type, mapping.object_id = self.comment_type, pk
        mapping.content_hash, mapping.imported_at = digest, timezone.now()

    def _comment(self, obj, fields, pk_by_wp, on):
        setattr(obj, f"{on}_id", fields["item_pk"])
        parent = fields["parent_wp"]
        obj.parent_id = pk_by_wp[parent] if parent else None
        for name in FIELDS[1:]:
            setattr(obj, name, fields[name])
        return obj

    def _thread(self, item, item_pk):
        """The comments of one post or page with their depth; no pingbacks or trackbacks."""

        kept = {}
        for c in item.comments:
            if c.type in ("pingback", "trackback"):
                self.summary.not_imported["pingbacks and trackbacks"] += 1
            elif c.type not in ("", "comment"):
                self.summary.not_imported[f"'{c.type}' comments"] += 1
            elif c.wp_id in kept or not c.wp_id:
                self.summary.warn(f"Comment ID {c.wp_id} appears twice; kept the first")
            else:
                kept[c.wp_id] = c
        result = []
        for c in kept.values():
            parent, depth = self._parent_and_depth(c, kept)
            status = STATUSES.get(c.approved)
            if status is None:
                self.summary.warn(f"Comment {c.wp_id}: unknown status {c.approved!r}; pending")
                status = Comment.Status.PENDING
            url = c.url if c.url.startswith(("http://", "https://")) and len(c.url) <= 200 else ""
            fields = {
                "item_pk": item_pk,
                "parent_wp": parent,
                "depth": depth,
                "author_name": plain_text(c.author)[:100] or gettext("Anonymous"),
                "author_email": c.email[:254],
                "author_url": url,
                "body": plain_text(c.content),
                "status": status,
                "submitted_at": parse_wp_date(c.date_gmt, c.date) or timezone.now(),
            }
            fields["digest"] = content_hash(
                item.wp_id, parent, c.date_gmt, c.date, *(fields[k] for k in FIELDS[1:-1])
            )
            result.append((c, fields))
        # Parents before replies, so a batch can be inserted depth by depth.
        result.sort(key=lambda pair: pair[1]["depth"])
        return result

    def _parent_and_depth(self, comment, kept):
        """Walk up the thread inside this post; a reply to a missing comment becomes top-level."""
        depth, seen, current = 0, {comment.wp_id}, comment
        while current.parent:
            parent = kept.get(current.parent)
            if parent is None and current is not comment:
                break  # that ancestor is imported as top-level, and says so itself
            if parent is None or parent.wp_id in seen:
                self.summary.warn(
                    f"Comment {comment.wp_id} answers comment {comment.parent}, which is not "
                    "imported (missing, removed as spam by WordPress, or a pingback) or loops "
                    "back to it; imported as a top-level comment"
                )
                return 0, 0
            seen.add(parent.wp_id)
            depth += 1
            current = parent
        return comment.parent, depth
