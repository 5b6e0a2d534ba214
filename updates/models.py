"""Campaign updates: an email staff write once, sent to every supporter who asked for them.

``Update`` is what staff write; ``Delivery`` is one supporter's copy, created in the same
transaction as its outbox message and moved to "sent" or "failed" in the transaction in
which the outbox records the mail server's answer (``updates.tracking``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from campaigns.models import Campaign, Supporter, site_languages
from core.sanitize import sanitize_html
from outbox.models import Message


class UpdateQuerySet(models.QuerySet):
    def with_progress(self):
        """Queued, sent and failed counts of each update, in the same query."""

        def count(state):
            return models.Count("deliveries", filter=models.Q(deliveries__state=state))

        return self.annotate(
            queued_count=count(Delivery.State.QUEUED),
            sent_count=count(Delivery.State.SENT),
            failed_count=count(Delivery.State.FAILED),
        )


class Update(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        QUEUEING = "queueing", _("Being queued")
        QUEUED = "queued", _("Queued for every recipient")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="updates", verbose_name=_("campaign")
    )
    subject = models.CharField(
        _("subject"), max_length=200, help_text=_("The email's subject line.")
    )
    body = models.TextField(
        _("text"),
        max_length=20000,
        help_text=_(
            "The plain-text email. Every supporter's copy ends with their own link to manage "
            "their sign-up and a link to stop updates."
        ),
    )
    html_body = CKEditor5Field(
        _("formatted version (optional)"),
        blank=True,
        config_name="default",
        help_text=_("Optional: a formatted version, for mail programs that show formatting."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=site_languages,
        blank=True,
        help_text=_(
            "Sent to supporters who signed up in this language (and to those whose language "
            "is unknown). Leave empty to send to every supporter who asked for updates."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
        editable=False,
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
        editable=False,
    )
    sending_started_at = models.DateTimeField(_("sending started"), null=True, editable=False)
    queued_at = models.DateTimeField(_("all queued"), null=True, editable=False)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0, editable=False)
    # Where queueing got to: supporters are queued in id order, a batch per transaction, so
    # a queueing task that died resumes after the last committed batch.
    cursor = models.PositiveBigIntegerField(default=0, editable=False)
    next_send_at = models.DateTimeField(null=True, editable=False)
    heartbeat_at = models.DateTimeField(null=True, editable=False)

    objects = UpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("campaign update")
        verbose_name_plural = _("campaign updates")
        permissions = [("send_update", _("Can send campaign updates"))]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="update_status_idx")]

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        self.html_body = sanitize_html(self.html_body)
        super().save(*args, **kwargs)

    def recipients(self):
        """Confirmed supporters who consented, in the update's language (or unknown)."""
        supporters = Supporter.objects.confirmed().filter(
            campaign_id=self.campaign_id, wants_updates=True
        )
        supporters = supporters.exclude(email="")
        if self.language:
            supporters = supporters.filter(models.Q(language=self.language) | models.Q(language=""))
        return supporters


class Delivery(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Not sent: unsubscribed")

    update = models.ForeignKey(
        Update, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("update")
    )
    # An erased or withdrawn supporter takes their deliveries with them.
    supporter = models.ForeignKey(
        Supporter, on_delete=models.CASCADE, related_name="+", verbose_name=_("supporter")
    )
    # Sent emails leave the outbox after OUTBOX_RETENTION_DAYS; the state stays here.
    message = models.OneToOneField(
        Message,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("email"),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["update", "supporter"], name="delivery_once")
        ]
        indexes = [models.Index(fields=["update", "state"], name="delivery_state_idx")]

    def __str__(self):
        return f"{self.update_id}:{self.supporter_id}"
