from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blog.models import Post
from comments.paging import page_holding, parents_and_roots
from pages.models import Page


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def on_public_items(self):
        """Comments whose post or page the public may see with its comments (feeds ask this,
        not the comment's status): a page shows comments only while they are switched on."""
        pages = Page.objects.published().filter(allow_comments=True)
        return self.filter(
            models.Q(post__in=Post.objects.published().values("pk"))
            | models.Q(page__in=pages.values("pk"))
        )

    def on(self, item):
        """The comments on this post or page."""
        return self.filter(**{Comment.item_field(item): item})


class Comment(models.Model):
    """A reader's comment on a post or on a page: exactly one of ``post`` and ``page``."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        REMOVED = "removed", _("Removed")

    post = models.ForeignKey(
        Post,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("post"),
    )
    page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("page"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    depth = models.PositiveSmallIntegerField(_("reply depth"), default=0, editable=False)
    author_name = models.CharField(_("name"), max_length=100)
    author_email = models.EmailField(_("email"), max_length=254)
    author_url = models.URLField(_("website"), max_length=200, blank=True)
    body = models.TextField(_("comment"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    # A salted hash of the sender's IP: enough to rate-limit, never the address itself.
    ip_hash = models.CharField(
        _("scrambled internet address"), max_length=64, blank=True, editable=False
    )
    user_agent = models.CharField(_("browser"), max_length=200, blank=True, editable=False)
    # Hash of (post, parent, email, body) set by the submission form; unique, so the same
    # comment sent twice (a double click, two tabs) can never be stored twice. Rows created
    # elsewhere (the WordPress import, the shell) leave it empty and are not checked.
    fingerprint = models.CharField(
        _("fingerprint"), max_length=64, null=True, blank=True, editable=False
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["post", "status", "submitted_at"], name="comment_post_status_idx"),
            models.Index(fields=["page", "status", "submitted_at"], name="comment_page_status_idx"),
            models.Index(fields=["status", "-submitted_at"], name="comment_queue_idx"),
            models.Index(fields=["ip_hash", "submitted_at"], name="comment_ip_rate_idx"),
            # "Has this email an approved comment?" is asked case-insensitively (iexact).
            models.Index(Upper("author_email"), "status", name="comment_email_ci_status_idx"),
            # The retention purge only looks at rows that still carry metadata.
            models.Index(
                fields=["submitted_at"],
                condition=~models.Q(ip_hash="") | ~models.Q(user_agent=""),
                name="comment_metadata_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["fingerprint"], name="comment_unique_fingerprint"),
            models.CheckConstraint(
                condition=models.Q(post__isnull=False, page__isnull=True)
                | models.Q(post__isnull=True, page__isnull=False),
                name="comment_on_post_or_page",
            ),
        ]

    def __str__(self):
        return _("Comment by %(name)s") % {"name": self.author_name}

    def get_absolute_url(self):
        """The comment on the page of comments that shows it (``?cpage=N`` past the first).
        One query unless ``set_comment_pages`` gave it its page already."""
        if not hasattr(self, "comment_page"):
            set_comment_pages([self])
        cpage = f"?cpage={self.comment_page}" if self.comment_page > 1 else ""
        return f"{self.item.get_absolute_url()}{cpage}#comment-{self.pk}"

    @staticmethod
    def item_field(item):
        """The foreign key that points to this kind of item: "post" or "page"."""
        return "page" if isinstance(item, Page) else "post"

    @property
    def item(self):
        """The post or the page this comment is on."""
        return self.page if self.page_id is not None else self.post

    @property
    def safe_author_url(self):
        """The website, only when it is a plain web address (imported rows are not validated)."""
        url = self.author_url.strip()
        return url if url.lower().startswith(("http://", "https://")) else ""


def set_comment_pages(comments):
    """Give each comment ``comment_page``: the page of its post's or page's comments that
    shows it (1 for a comment not approved). One query for all of them."""
    posts = {c.post_id for c in comments if c.post_id}
    pages = {c.page_id for c in comments if c.page_id}
    rows = (
        Comment.objects.approved()
        .filter(models.Q(post_id__in=posts) | models.Q(page_id__in=pages))
        .order_by("submitted_at", "pk")
        .values_list("pk", "parent_id", "post_id", "page_id")
    )
    shapes = {}
    for pk, parent_id, post_id, page_id in rows if posts or pages else ():
        shapes.setdefault((post_id, page_id), []).append((pk, parent_id))
    per_page = settings.COMMENTS_THREADS_PER_PAGE
    for comment in comments:
        parents, roots = parents_and_roots(shapes.get((comment.post_id, comment.page_id), []))
        comment.comment_page = page_holding(comment.pk, parents, roots, per_page) or 1
    return comments
