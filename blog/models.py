import logging
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from blog import roles
from blog.search_config import search_query, search_vector_expression
from blog.taxonomy import (  # noqa: F401
    Author,
    Category,
    TagTranslation,
    name_tags,
    tags_in_language,
)
from core import images
from core.sanitize import MORE_MARKER, plain_text, sanitize_html
from core.translatable import Translatable
from core.validators import validate_image_file

logger = logging.getLogger(__name__)


class PostQuerySet(models.QuerySet):
    @staticmethod
    def _public():
        """What the public may see: published, and the publish date has come."""
        return Q(status=Post.Status.PUBLISHED, publish_at__lte=timezone.now())

    def published(self):
        """The one visibility rule for public pages, feeds and sitemaps."""
        return self.filter(self._public())

    def in_language(self, code=None):
        """Posts written in ``code`` (the language being shown by default): every list, feed,
        archive and search of a language shows its own posts only."""
        return self.filter(language=code or translation.get_language())

    def visible_to(self, user):
        """Public posts, plus the drafts and scheduled posts this user may preview."""
        scope = roles.preview_scope(user)
        if scope == roles.ALL:
            return self
        if scope == roles.OWN:
            return self.filter(self._public() | Q(author__user=user))
        return self.published()

    def for_listing(self):
        """Everything a post card or page shows, in a fixed number of queries."""
        return self.select_related("author", "campaign").prefetch_related("categories", "tags")

    def search(self, text, *, candidates):
        """Posts matching a web-search style query ("quotes", OR, -word), best match first.

        Ranks at most the ``candidates`` newest matches: ranking reads every ranked post's
        search vector, and a common word ("harm") matches most of a large site. PostgreSQL
        finds the newest matches of a common word by walking the publish-date index, and the
        matches of a rare one through the GIN index post_search_idx, so either stays fast.
        """
        query = search_query(text)
        newest = (self.filter(search_vector=query).order_by("-publish_at", "-pk").values("pk"))[
            :candidates
        ]
        return (
            self.model.objects.filter(pk__in=newest)
            .annotate(rank=SearchRank(models.F("search_vector"), query))
            .order_by("-rank", "-publish_at", "-pk")
        )

    def tagged(self, tag):
        """Ids of posts with ``tag``, for ``pk__in``. A join through taggit's generic
        relation casts its object_id, which keeps PostgreSQL from using the indexes."""
        return TaggedItem.objects.filter(
            tag=tag, content_type=ContentType.objects.get_for_model(self.model)
        ).values("object_id")

    def month_counts(self):
        """Months that have posts, newest first, with how many: one GROUP BY query."""
        return (
            self.annotate(month=TruncMonth("publish_at"))
            .values("month")
            .annotate(count=models.Count("pk"))
            .order_by("-month")
        )

    def adjacent_to(self, post):
        """(previous, next) around `post` in publishing order, in one UNION query."""
        fields = ("pk", "title", "slug", "publish_at", "language")
        older = Q(publish_at__lt=post.publish_at) | Q(publish_at=post.publish_at, pk__lt=post.pk)
        newer = Q(publish_at__gt=post.publish_at) | Q(publish_at=post.publish_at, pk__gt=post.pk)
        before = self.filter(older).order_by("-publish_at", "-pk").only(*fields)[:1]
        after = self.filter(newer).order_by("publish_at", "pk").only(*fields)[:1]
        previous = following = None
        for neighbour in before.union(after, all=True):
            if (neighbour.publish_at, neighbour.pk) < (post.publish_at, post.pk):
                previous = neighbour
            else:
                following = neighbour
        return previous, following

    def related_to(self, post, tag_ids, limit=3, candidates=200):
        """Posts sharing the most of `tag_ids` with `post`, newest first among equals.

        Looks among the `candidates` newest posts sharing any of the tags (two small
        queries, whatever the size of the site), rather than counting tags over them all.
        """
        if not tag_ids:
            return []
        items = TaggedItem.objects.filter(
            tag_id__in=tag_ids, content_type=ContentType.objects.get_for_model(self.model)
        )
        recent = list(
            self.filter(pk__in=items.exclude(object_id=post.pk).values("object_id"))
            .order_by("-publish_at", "-pk")
            .only("pk", "title", "slug", "publish_at", "language")[:candidates]
        )
        shared = Counter(
            items.filter(object_id__in=[p.pk for p in recent]).values_list("object_id", flat=True)
        )
        recent.sort(key=lambda p: (-shared[p.pk], -p.publish_at.timestamp(), -p.pk))
        return recent[:limit]


class Post(Translatable):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the post's address. Changing it later keeps old links."),
    )
    author = models.ForeignKey(
        Author, on_delete=models.PROTECT, related_name="posts", verbose_name=_("author")
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Drafts are never shown to the public."),
    )
    publish_at = models.DateTimeField(
        _("publish date"),
        default=timezone.now,
        help_text=_("A date in the future schedules the post: it appears by itself then."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    excerpt = models.TextField(
        _("excerpt"),
        blank=True,
        max_length=1000,
        help_text=_(
            "Shown on list pages. Leave empty to use the text before a 'more' break, "
            "or the start of the post."
        ),
    )
    body = CKEditor5Field(_("body"), blank=True, config_name="default")
    body_text = models.TextField(_("body as plain text"), editable=False, blank=True)
    featured_image = models.ImageField(
        _("featured image"),
        upload_to="posts/%Y/%m/",
        blank=True,
        max_length=255,
        validators=[validate_image_file],
        help_text=_(
            "A JPEG, PNG, GIF or WebP photo or picture. Smaller copies for phones are made "
            "automatically, and location data hidden in photos is removed."
        ),
    )
    featured_image_alt = models.CharField(
        _("featured image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Required with an image."),
    )
    featured_image_credit = models.CharField(
        _("image credit"), max_length=200, blank=True, help_text=_("e.g. the artist's name.")
    )
    featured_image_credit_url = models.URLField(_("image credit link"), blank=True)
    featured_renditions = models.JSONField(
        _("featured image renditions"), default=list, blank=True, editable=False
    )
    categories = models.ManyToManyField(
        Category, related_name="posts", blank=True, verbose_name=_("categories")
    )
    tags = TaggableManager(_("tags"), blank=True, help_text=_("A comma-separated list of tags."))
    is_sticky = models.BooleanField(
        _("sticky"), default=False, help_text=_("Keep this post at the top of the home page.")
    )
    allow_comments = models.BooleanField(_("allow comments"), default=True)
    search_vector = SearchVectorField(_("search index"), null=True, editable=False)
    # Kept by the comments app whenever a comment is stored, moderated or deleted, so lists
    # show "3 Comments" without counting anything per page.
    comment_count = models.PositiveIntegerField(_("approved comments"), default=0, editable=False)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
        verbose_name=_("campaign"),
        help_text=_("Link this post to a campaign: the post shows the campaign's box."),
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        get_latest_by = "publish_at"
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        permissions = [("publish_post", _("Can publish posts and edit every post"))]
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="post_status_publish_idx"),
            models.Index(
                fields=["-is_sticky", "-publish_at"],
                condition=models.Q(status="published"),
                name="post_home_order_idx",
            ),
            GinIndex(fields=["search_vector"], name="post_search_idx"),
            models.Index(
                fields=["language", "-is_sticky", "-publish_at"],
                condition=models.Q(status="published"),
                name="post_language_home_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.derive_fields()
        images.prepare_for_save(self, "featured_image", "featured_renditions", kwargs)
        super().save(*args, **kwargs)
        update_search_vectors([self.pk])

    def get_absolute_url(self):
        when = self.local_publish_at
        return self.reverse_in_language(
            "blog:post-detail",
            year=when.year,
            month=f"{when.month:02d}",
            day=f"{when.day:02d}",
            slug=self.slug,
        )

    def clean(self):
        if self.featured_image and not self.featured_image_alt.strip():
            raise ValidationError(
                {
                    "featured_image_alt": _(
                        "Describe the featured image for people who cannot see it."
                    )
                },
                code="alt_required",
            )

    # Stored fields derived from what staff write (the search vector is derived too, by
    # update_search_vectors, since it is computed by the database).
    DERIVED_FIELDS = ("body", "body_text")

    def derive_fields(self):
        """Sanitise the body and keep its plain text. Every save runs this (the admin, the
        shell); the WordPress importer's bulk inserts run it too."""
        self.body = sanitize_html(self.body)
        self.body_text = plain_text(self.body)

    @property
    def featured_picture(self):
        """Sources for <picture>, read from featured_renditions (no file system access)."""
        return images.picture_sources(self.featured_image, self.featured_renditions)

    @property
    def local_publish_at(self):
        return timezone.localtime(self.publish_at)

    @property
    def last_modified(self):
        """A post written before its scheduled date is new on the day it appears."""
        return max(self.updated_at, self.publish_at)

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def teaser_html(self):
        """The body up to a 'more' break, or None when the post has no break."""
        if MORE_MARKER in self.body:
            return self.body.split(MORE_MARKER, 1)[0]
        return None

    @property
    def has_more(self):
        return bool(self.excerpt) or MORE_MARKER in self.body


def update_search_vectors(pks):
    Post.objects.filter(pk__in=pks).update(search_vector=search_vector_expression())
