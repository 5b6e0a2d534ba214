from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    """One thing that happened to an account, a role, supporters' data or a post's status."""

    class Action(models.TextChoices):
        LOGIN_SUCCEEDED = "login_succeeded", _("login succeeded")
        LOGIN_FAILED = "login_failed", _("login failed: wrong password")
        LOGIN_THROTTLED = "login_throttled", _("login refused: too many attempts")
        CODE_FAILED = "code_failed", _("login failed: wrong code")
        TWO_FACTOR_ENROLLED = "two_factor_enrolled", _("two-factor authentication set up")
        TWO_FACTOR_RESET = "two_factor_reset", _("two-factor authentication reset")
        RECOVERY_CODES_MADE = "recovery_codes_made", _("new recovery codes made")
        PASSWORD_RESET_REQUESTED = "password_reset_requested", _("password reset requested")
        SUPPORTERS_EXPORTED = "supporters_exported", _("supporters exported")
        PERSONAL_DATA_EXPORTED = "personal_data_exported", _("personal data exported")
        PERSONAL_DATA_ERASED = "personal_data_erased", _("personal data erased")
        GROUPS_CHANGED = "groups_changed", _("groups (roles) changed")
        PERMISSIONS_CHANGED = "permissions_changed", _("permissions changed")
        ACCOUNT_CHANGED = "account_changed", _("staff, superuser or active status changed")
        POST_PUBLISHED = "post_published", _("post published")
        POST_UNPUBLISHED = "post_unpublished", _("post unpublished")
        CONTACT_MESSAGE_READ = "contact_message_read", _("contact message read")
        CONTACT_MESSAGES_DELETED = "contact_messages_deleted", _("contact messages deleted")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("what happened"), max_length=40, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("done by (login name)"), max_length=150, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject_name = models.CharField(_("account concerned (login name)"), max_length=150, blank=True)
    target_type = models.CharField(_("kind of object"), max_length=100, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    target_repr = models.CharField(_("object"), max_length=200, blank=True)
    ip_hash = models.CharField(
        _("IP hash"),
        max_length=64,
        blank=True,
        help_text=_("A salted hash of the sender's IP address; the address is never stored."),
    )
    details = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["action", "-at"], name="audit_event_action_idx")]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"
