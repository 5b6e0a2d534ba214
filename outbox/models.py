import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MessageQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Message.Status.PENDING)

    def due(self, now=None):
        return self.pending().filter(send_after__lte=now or timezone.now())


class Message(models.Model):
    """One email to one recipient: stored with the change that causes it, sent by the worker.

    ``status`` moves pending → sent exactly once (in the transaction that records the
    SMTP server's acceptance), or pending → failed when the server refuses it for good.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    # Callers may give their own key (e.g. "campaign-update:7:supporter:12") so that queuing
    # the same message twice stores it once; by default every message is new.
    key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    # What the message is about ("supporter:12", "comment:5"): lets the app that queued it
    # find its messages again without the outbox knowing its models.
    topic = models.CharField(_("about"), max_length=100, blank=True)
    to = models.EmailField(_("to"), max_length=254)
    from_email = models.CharField(_("from"), max_length=254)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    # An optional HTML alternative of the body (already sanitised by the caller).
    html_body = models.TextField(_("HTML body"), blank=True)
    # Extra headers, e.g. List-Unsubscribe for campaign updates (RFC 8058).
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    message_id = models.UUIDField(_("message id"), default=uuid.uuid4, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    # Larger first: confirmations before campaign updates when both wait.
    priority = models.SmallIntegerField(_("priority"), default=0)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    send_after = models.DateTimeField(_("next attempt"), default=timezone.now)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    # The queued task (django_tasks_db) that will send it next; the sweep uses it to tell a
    # waiting message from one whose worker died.
    task_id = models.UUIDField(_("task"), null=True, blank=True, editable=False)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        indexes = [
            models.Index(
                fields=["send_after"],
                condition=models.Q(status="pending"),
                name="outbox_pending_due_idx",
            ),
            models.Index(fields=["topic", "-created_at"], name="outbox_topic_idx"),
            models.Index(fields=["status", "-created_at"], name="outbox_status_idx"),
        ]

    def __str__(self):
        return self.subject
