"""Supporters of a campaign (double opt-in sign-ups): imported by campaigns.models."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.translatable import language_choices


class SupporterQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Supporter.Status.CONFIRMED)

    def pending(self):
        return self.filter(status=Supporter.Status.PENDING)

    def public_names(self):
        """Confirmed supporters who chose to be listed, newest first."""
        return (
            self.confirmed()
            .filter(show_name=True)
            .order_by("-confirmed_at", "-pk")
            .only("campaign", "name", "country", "confirmed_at")
        )

    def with_email(self, email):
        """Case-insensitive match, written so the lower(email) index serves it."""
        return self.alias(email_lower=Lower("email")).filter(email_lower=Lower(models.Value(email)))

    def country_counts(self):
        """(country, count) for confirmed supporters, largest first: one GROUP BY."""
        return (
            self.confirmed()
            .order_by()
            .values_list("country")
            .annotate(n=models.Count("pk"))
            .order_by("-n", "country")
        )


class Supporter(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="supporters",
        verbose_name=_("campaign"),
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    country = CountryField(_("country"))
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    show_name = models.BooleanField(_("show name publicly"), default=False)
    wants_updates = models.BooleanField(_("wants updates"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The language the supporter signed up in: their emails are written in it.
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=language_choices(),
        default=settings.LANGUAGE_CODE,
    )
    # When we last emailed this address: re-signing resends at most once per interval.
    last_emailed_at = models.DateTimeField(_("last emailed"), null=True, blank=True)

    objects = SupporterQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("supporter")
        verbose_name_plural = _("supporters")
        permissions = [("export_supporters", _("Can export supporters as CSV"))]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "campaign",
                name="supporter_unique_email_per_campaign",
                violation_error_message=_("This email address has already signed up."),
            )
        ]
        indexes = [
            models.Index(fields=["campaign", "status"], name="supporter_campaign_status_idx"),
            models.Index(
                fields=["campaign", "status", "show_name", "-confirmed_at", "-id"],
                name="supporter_public_names_idx",
            ),
            models.Index(fields=["campaign", "status", "country"], name="supporter_country_idx"),
            models.Index(fields=["status", "created_at"], name="supporter_status_created_idx"),
        ]

    def __str__(self):
        return self.name
