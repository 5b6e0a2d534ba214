from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blog.models import Post


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def on_public_posts(self):
        """Comments whose post the public may see (feeds ask this, not the comment's status)."""
        return self.filter(post__in=Post.objects.published().values("pk"))


class Comment(models.Model):
    """A reader's comment on a post."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        REMOVED = "removed", _("Removed")

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="comments", verbose_name=_("post")
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
        ]

    def __str__(self):
        return _("Comment by %(name)s") % {"name": self.author_name}

    def get_absolute_url(self):
        return f"{self.post.get_absolute_url()}#comment-{self.pk}"

    @property
    def safe_author_url(self):
        """The website, only when it is a plain web address (imported rows are not validated)."""
        url = self.author_url.strip()
        return url if url.lower().startswith(("http://", "https://")) else ""
