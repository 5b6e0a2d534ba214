from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_MESSAGE_LENGTH = 5000


class ContactMessageQuerySet(models.QuerySet):
    def sent_by(self, address):
        """Messages whose way to reply is this email address (or other handle), any case."""
        return self.filter(reply_to__iexact=address.strip())

    def older_than(self, when):
        return self.filter(received_at__lt=when)


class ContactMessage(models.Model):
    """One message from the contact form. The sender's IP address is kept only as the
    salted hash the rate limit uses; messages are deleted after CONTACT_MESSAGES_KEEP_DAYS."""

    class Topic(models.TextChoices):
        GENERAL = "general", _("A general question")
        MEMBERSHIP = "membership", _("Joining or membership")
        MEDIA = "media", _("Media and interviews")
        SUPPORT = "support", _("Support or a referral")
        WEBSITE = "website", _("This website")

    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    name = models.CharField(_("name"), max_length=100, blank=True)
    reply_to = models.CharField(
        _("way to reply"),
        max_length=200,
        blank=True,
        help_text=_("What the sender gave: an email address, a phone number, a handle…"),
    )
    message = models.TextField(_("message"), max_length=MAX_MESSAGE_LENGTH)
    page = models.ForeignKey(
        "pages.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent from page"),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    ip_hash = models.CharField(_("IP address hash"), max_length=64, blank=True, editable=False)
    is_read = models.BooleanField(_("read"), default=False)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        permissions = [("read_messages", _("Can read messages sent through the contact form"))]
        indexes = [models.Index(models.functions.Upper("reply_to"), name="contact_reply_to_idx")]

    def __str__(self):
        return f"{self.get_topic_display()} · {timezone.localtime(self.received_at):%Y-%m-%d %H:%M}"
