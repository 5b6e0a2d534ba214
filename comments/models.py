from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class Comment(models.Model):
    """A reader's comment on any content (posts now, campaigns later) via a generic relation."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        REMOVED = "removed", _("Removed")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
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
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    user_agent = models.CharField(max_length=200, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "status", "submitted_at"],
                name="comment_object_status_idx",
            ),
            models.Index(fields=["status", "-submitted_at"], name="comment_queue_idx"),
            models.Index(fields=["ip_hash", "submitted_at"], name="comment_ip_rate_idx"),
            models.Index(fields=["author_email", "status"], name="comment_email_status_idx"),
        ]

    def __str__(self):
        return _("Comment by %(name)s") % {"name": self.author_name}
