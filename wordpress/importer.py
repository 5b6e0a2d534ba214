"""Import a WordPress export: the whole file in one transaction, streamed item by item.

Every imported object is recorded in :class:`~wordpress.models.ImportedObject` with its
WordPress ID and a hash of what was written. A second run compares hashes and leaves
unchanged objects alone; a newer export updates only what changed. Posts and comments are
written in batches (bulk inserts), so 10,000 posts and 50,000 comments take well under two
minutes.
"""

from pathlib import Path
from urllib.parse import unquote

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from taggit.models import Tag

from blog.models import Author, Category, Post
from menus.models import MenuItem
from pagecache import generations
from pages.models import Page
from wordpress.content import plain_text
from wordpress.media import MediaLibrary, relative_upload_path
from wordpress.menus import MenuImport
from wordpress.models import ImportedObject
from wordpress.pages import PageImport
from wordpress.posts import PostBatch
from wordpress.summary import Summary
from wordpress.values import clean_slug, content_hash, synthetic_id, unique_slug
from wordpress.wxr import SUPPORTED_VERSIONS, Item, Term, WXRReader
from wordpress.wxr import Author as WPAuthor

Kind = ImportedObject.Kind
BATCH_POSTS = 200


class WordPressImporter:
    def __init__(self, path, *, media_dir=None, dry_run=False, progress=None):
        self.path = Path(path)
        self.dry_run = dry_run
        self.progress = progress  # a callable(bytes_read), e.g. a tqdm bar's update
        self.has_media_dir = media_dir is not None
        self.media = MediaLibrary(media_dir, dry_run=dry_run)
        self.summary = Summary(dry_run=dry_run)
        self.site = None
        self.content_types = {
            model: ContentType.objects.get_for_model(model)
            for model in (Author, Category, Post, Page, MenuItem)
        }
        self.content_types[Tag] = ContentType.objects.get_for_model(Tag)
        self.authors = {}  # login -> Author pk
        self.categories = {}  # WordPress nicename -> Category pk
        self.tags = {}  # WordPress slug -> Tag pk
        self.pending_terms = []
        self.attachments = {}  # attachment wp_id -> (storage name or "", alt text)
        self.posts = PostBatch(self)
        self.pages = PageImport(self)
        self.menus = MenuImport(self)
        self.batch = []
        self.batch_comments = 0

    # ------------------------------------------------------------------ running
    def run(self) -> Summary:
        """Import everything or nothing: any error rolls back and deletes copied files."""
        try:
            with transaction.atomic():
                self._import()
                # Bulk inserts send no signals: any cached page may show what changed.
                generations.bump(generations.SITE, generations.PUBLICATION)
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            self.media.discard_created()
            raise
        return self.summary

    def _import(self):
        with self.path.open("rb") as f:
            reader = WXRReader(f, on_read=self.progress)
            self.site = reader.site
            for record in reader:
                if isinstance(record, WPAuthor):
                    self._author(record)
                elif isinstance(record, Term):
                    self.pending_terms.append(record)
                elif isinstance(record, Item):
                    self._import_terms()
                    self._item(record)
        self._import_terms()
        self._flush()
        if self.site.version not in SUPPORTED_VERSIONS:
            self.summary.warn(
                f"WXR version {self.site.version} is not one this importer was written for "
                f"({', '.join(sorted(SUPPORTED_VERSIONS))}); check the result"
            )
        self.posts.set_featured_images()
        self.pages.finish()  # after every attachment; menus after every page and post
        self.menus.finish()
        self.posts.report_timezone()
        if self.media.conflicts:
            for name in self.media.conflicts:
                self.summary.warn(
                    f"{name} already exists in media storage with other content; kept it"
                )
        if not self.has_media_dir and self.attachments:
            self.summary.warn(
                f"No --media-dir given: {len(self.attachments)} attachments were not copied "
                "and image links still point to the old site"
            )

    def _item(self, item):
        if item.post_type == "post":
            if item.status in ("trash", "auto-draft", "inherit"):
                self.summary.not_imported[f"posts in WordPress's {item.status}"] += 1
                self.summary.not_imported["comments on posts not imported"] += len(item.comments)
                return
            self.batch.append(item)
            self.batch_comments += len(item.comments)
            if len(self.batch) >= BATCH_POSTS or self.batch_comments >= 10 * BATCH_POSTS:
                self._flush()
            return
        if item.post_type == "attachment":
            self._attachment(item)
        elif item.post_type == "page":
            self.pages.add(item)
            return  # with its comments
        elif item.post_type == "nav_menu_item":
            self.menus.add(item)
        else:
            self.summary.not_imported[f"'{item.post_type}' items"] += 1
        if item.comments:
            self.summary.not_imported["comments on other items"] += len(item.comments)

    def _flush(self):
        if self.batch:
            self.posts.import_batch(self.batch)
        self.batch, self.batch_comments = [], 0

    # ------------------------------------------------------------------ mapping helpers
    def mapping(self, kind, wp_id):
        return ImportedObject.objects.filter(kind=kind, wp_id=wp_id).first()

    def record(self, kind, wp_id, mapping, obj=None, *, digest, guid="", **fields):
        """Create or update the mapping row for one object."""
        content_type = self.content_types[type(obj)] if obj is not None else None
        if mapping is None:
            mapping = ImportedObject(kind=kind, wp_id=wp_id)
        mapping.guid = guid[:500]
        mapping.content_type = content_type
        mapping.object_id = obj.pk if obj is not None else None
        mapping.content_hash = digest
        for name, value in fields.items():
            setattr(mapping, name, value)
        mapping.save()
        return mapping

    def target(self, mapping, model):
        """The object a mapping row points to, if it still exists."""
        if mapping is None or mapping.object_id is None:
            return None
        return model.objects.filter(pk=mapping.object_id).first()

    # ------------------------------------------------------------------ authors
    def _author(self, wp):
        login = wp.login or wp.display_name
        full_name = f"{wp.first_name} {wp.last_name}".strip()
        display = wp.display_name or full_name or login
        if display == login and full_name:
            display = full_name  # never show a login name when a real name is known
        wp_id = wp.wp_id if wp.wp_id is not None else synthetic_id(f"author:{login}")
        digest = content_hash(login, wp.email, display, wp.first_name, wp.last_name)
        counts = self.summary.counts["authors"]
        mapping = self.mapping(Kind.AUTHOR, wp_id)
        author = self.target(mapping, Author)
        if author is None:
            author = self._create_author(login, wp.email, display, wp.first_name, wp.last_name)
            counts.created += 1
        elif mapping.content_hash != digest:
            author.display_name = display[:100]
            author.save(update_fields=["display_name"])
            user = author.user
            user.email = wp.email[:254]
            user.first_name, user.last_name = wp.first_name[:150], wp.last_name[:150]
            user.save(update_fields=["email", "first_name", "last_name"])
            counts.updated += 1
        else:
            counts.skipped += 1
        if display == login:
            self.summary.warn(
                f"Author {author.slug!r} shows their login name publicly as display name; "
                "change it in the admin"
            )
        if mapping is None or mapping.content_hash != digest or mapping.object_id != author.pk:
            self.record(Kind.AUTHOR, wp_id, mapping, author, digest=digest, guid=login)
        self.authors[login] = author.pk

    def _create_author(self, login, email, display, first_name, last_name):
        """A user who cannot log in until staff set a password, and their public profile."""
        user_model = get_user_model()
        base = (login or "wordpress-author")[:140]
        username, n = base, 2
        while user_model.objects.filter(username=username).exists():
            username = f"{base}-wp{n if n > 2 else ''}"
            n += 1
        user = user_model(
            username=username,
            email=email[:254],
            first_name=first_name[:150],
            last_name=last_name[:150],
            is_staff=False,
        )
        user.set_unusable_password()
        user.save()
        # The slug comes from the display name: login names must not appear in addresses.
        slug = unique_slug(Author, clean_slug("", display, "author", 100), 100)
        return Author.objects.create(user=user, display_name=display[:100] or slug, slug=slug)

    def author_for(self, login):
        """The Author pk for a post's dc:creator, creating one if the export did not list it."""
        if login in self.authors:
            return self.authors[login]
        self._author(
            WPAuthor(
                wp_id=None, login=login, email="", display_name="", first_name="", last_name=""
            )
        )
        self.summary.warn(f"Posts name an author the export does not list; created {login!r}")
        return self.authors[login]

    # ------------------------------------------------------------------ categories and tags
    def _import_terms(self):
        if not self.pending_terms:
            return
        terms, self.pending_terms = self.pending_terms, []
        changed = [t for t in terms if t.kind == "category" and self._category(t)]
        for term in changed:
            self._category_parent(term)
        self._tags([t for t in terms if t.kind == "tag"])

    def _term_id(self, term):
        return term.wp_id if term.wp_id is not None else synthetic_id(f"{term.kind}:{term.slug}")

    def _category(self, term):
        """Import one category; return whether its parent needs setting."""
        wp_id = self._term_id(term)
        name = plain_text(term.name)[:100] or term.slug
        slug = clean_slug(term.slug, name, f"category-{wp_id}", 100)
        if slug != unquote(term.slug):
            self.summary.warn(
                f"Category {unquote(term.slug)!r}: slug is not plain ASCII; imported as {slug!r}"
            )
        description = plain_text(term.description)
        digest = content_hash(name, slug, description, term.parent_slug)
        counts = self.summary.counts["categories"]
        mapping = self.mapping(Kind.CATEGORY, wp_id)
        category = self.target(mapping, Category)
        if category is not None and mapping.content_hash == digest:
            counts.skipped += 1
            self.categories[term.slug] = category.pk
            return False
        if category is not None:
            category.name, category.description = name, description
            category.save(update_fields=["name", "description"])
            counts.updated += 1
        else:
            # A category with this slug made here by hand is the same category: adopt it.
            category = Category.objects.filter(slug=slug).first()
            if category is None:
                category = Category.objects.create(name=name, slug=slug, description=description)
                counts.created += 1
            else:
                counts.skipped += 1
        self.record(Kind.CATEGORY, wp_id, mapping, category, digest=digest, guid=term.slug)
        self.categories[term.slug] = category.pk
        return True

    def _category_parent(self, term):
        """Parents are set once every category exists: a child may come before its parent."""
        parent_id = None
        if term.parent_slug:
            parent_id = self.categories.get(term.parent_slug)
            if parent_id is None:
                self.summary.warn(
                    f"Category {term.slug!r} has parent {term.parent_slug!r}, which the export "
                    "does not list; imported at the top level"
                )
        pk = self.categories[term.slug]
        if parent_id == pk:
            parent_id = None
        Category.objects.filter(pk=pk).exclude(parent_id=parent_id).update(parent_id=parent_id)

    def category_for(self, nicename, name):
        if nicename not in self.categories:
            self.pending_terms.append(Term("category", None, nicename, name or nicename))
            self._import_terms()
        return self.categories[nicename]

    def tag_for(self, slug, name):
        if slug not in self.tags:
            self._tags([Term("tag", None, slug, name or slug)])
        return self.tags[slug]

    def _tags(self, terms):
        """Tags can number thousands: look them up and create them in bulk."""
        if not terms:
            return
        counts = self.summary.counts["tags"]
        prepared = {}
        for term in terms:
            wp_id = self._term_id(term)
            name = (plain_text(term.name) or term.slug)[:100]
            slug = clean_slug(term.slug, name, f"tag-{wp_id}", 100)
            prepared[wp_id] = (term, name, slug, content_hash(name, slug))
        mappings = {
            m.wp_id: m
            for m in ImportedObject.objects.filter(kind=Kind.TAG, wp_id__in=list(prepared))
        }
        alive = set(
            Tag.objects.filter(
                pk__in=[m.object_id for m in mappings.values() if m.object_id]
            ).values_list("pk", flat=True)
        )
        slugs = [slug for _, _, slug, _ in prepared.values()]
        names = [name for _, name, _, _ in prepared.values()]
        by_slug = {t.slug: t for t in Tag.objects.filter(slug__in=slugs)}
        by_name = {t.name.lower(): t for t in Tag.objects.filter(name__in=names)}
        new_tags, to_map, changed_rows = {}, [], []
        for wp_id, (term, name, slug, digest) in prepared.items():
            mapping = mappings.get(wp_id)
            if mapping is not None and mapping.object_id in alive:
                if mapping.content_hash == digest:
                    counts.skipped += 1
                else:
                    if not Tag.objects.filter(name__iexact=name).exists():
                        Tag.objects.filter(pk=mapping.object_id).update(name=name)
                    mapping.content_hash = digest
                    changed_rows.append(mapping)
                    counts.updated += 1
                self.tags[term.slug] = mapping.object_id
                continue
            # A tag with this slug or name already here is the same tag: adopt it.
            tag = by_slug.get(slug) or by_name.get(name.lower())
            if tag is None:
                tag = new_tags.get(name.lower()) or new_tags.get(slug)
            if tag is None:
                tag = Tag(name=name, slug=slug)
                new_tags[name.lower()] = new_tags[slug] = tag
                counts.created += 1
            else:
                counts.skipped += 1
            to_map.append((mapping, wp_id, term, tag, digest))
        Tag.objects.bulk_create({id(t): t for t in new_tags.values()}.values())
        new_rows = []
        for mapping, wp_id, term, tag, digest in to_map:
            self.tags[term.slug] = tag.pk
            if mapping is None:
                mapping = ImportedObject(kind=Kind.TAG, wp_id=wp_id)
                new_rows.append(mapping)
            else:
                changed_rows.append(mapping)
            mapping.guid, mapping.content_hash = term.slug[:500], digest
            mapping.content_type, mapping.object_id = self.content_types[Tag], tag.pk
        ImportedObject.objects.bulk_create(new_rows)
        ImportedObject.objects.bulk_update(
            changed_rows, ["guid", "content_hash", "content_type", "object_id", "imported_at"]
        )

    # ------------------------------------------------------------------ attachments
    def _attachment(self, item):
        relpath = item.meta.get("_wp_attached_file", "").strip() or relative_upload_path(
            item.attachment_url
        )
        alt = plain_text(item.meta.get("_wp_attachment_image_alt", "")) or plain_text(item.title)
        name = self.media.store(relpath) if relpath else None
        if self.has_media_dir and not name:
            self.summary.warn(
                f"Attachment {item.wp_id}: file {relpath or item.attachment_url!r} not found "
                "in --media-dir; skipped"
            )
        self.attachments[item.wp_id] = (name or "", alt[:250])
        digest = content_hash(relpath, name, alt)
        counts = self.summary.counts["attachments"]
        mapping = self.mapping(Kind.ATTACHMENT, item.wp_id)
        if mapping is not None and mapping.content_hash == digest:
            counts.skipped += 1
            return
        if not name:
            counts.skipped += 1
        elif mapping is None or not mapping.file:
            counts.created += 1
        else:
            counts.updated += 1
        self.record(
            Kind.ATTACHMENT, item.wp_id, mapping, digest=digest, guid=item.guid, file=name or ""
        )
