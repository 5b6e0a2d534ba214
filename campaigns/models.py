from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field
from django_countries.fields import CountryField

from campaigns.documents import CampaignDocument, CampaignDocumentQuerySet
from campaigns.validators import validate_campaign_slug
from core import images
from core.sanitize import sanitize_html
from core.validators import validate_image_file

__all__ = ["Campaign", "CampaignDocument", "CampaignDocumentQuerySet", "Supporter"]


def site_languages():
    """The languages the site is offered in (a callable, so migrations do not follow the
    LANGUAGES setting)."""
    return settings.LANGUAGES


def default_language():
    return settings.LANGUAGE_CODE


def _accepting_signups_q(now):
    return (
        models.Q(status=Campaign.Status.OPEN)
        & (models.Q(opens_at__isnull=True) | models.Q(opens_at__lte=now))
        & (models.Q(closes_at__isnull=True) | models.Q(closes_at__gt=now))
    )


class CampaignQuerySet(models.QuerySet):
    def public(self):
        """What the public may see: open and closed campaigns, never drafts."""
        return self.filter(status__in=[Campaign.Status.OPEN, Campaign.Status.CLOSED])

    def visible_to(self, user):
        return self if user.has_perm("campaigns.change_campaign") else self.public()

    def in_list_order(self):
        """Campaigns taking sign-ups first, then the others, newest first within each."""
        return self.annotate(
            list_group=models.Case(
                models.When(_accepting_signups_q(timezone.now()), then=0),
                default=1,
                output_field=models.IntegerField(),
            )
        ).order_by("list_group", models.F("opens_at").desc(nulls_last=True), "-created_at")

    def with_supporter_counts(self):
        confirmed = models.Q(supporters__status=Supporter.Status.CONFIRMED)
        pending = models.Q(supporters__status=Supporter.Status.PENDING)
        return self.annotate(
            confirmed_count=models.Count("supporters", filter=confirmed),
            pending_count=models.Count("supporters", filter=pending),
        )


class Campaign(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        validators=[validate_campaign_slug],
        help_text=_("The last part of the campaign's address, e.g. drug-user-peace-initiative."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=1000,
        help_text=_("One or two sentences shown on the campaign list and on linked posts."),
    )
    body = CKEditor5Field(_("body"), blank=True, config_name="default")
    hero_image = models.ImageField(
        _("hero image"),
        upload_to="campaigns/%Y/%m/",
        blank=True,
        max_length=255,
        validators=[validate_image_file],
        help_text=_("A wide picture shown at the top of the campaign page."),
    )
    hero_image_alt = models.CharField(
        _("hero image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Required with an image."),
    )
    hero_renditions = models.JSONField(
        _("hero image renditions"), default=list, blank=True, editable=False
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_(
            "Drafts are hidden from the public. Open campaigns take sign-ups; closed ones "
            "stay readable but take no more sign-ups."
        ),
    )
    opens_at = models.DateTimeField(
        _("sign-ups open"),
        null=True,
        blank=True,
        help_text=_("Leave empty to take sign-ups as soon as the campaign is open."),
    )
    closes_at = models.DateTimeField(
        _("sign-ups close"),
        null=True,
        blank=True,
        help_text=_("Sign-ups stop by themselves at this time. Leave empty for no end date."),
    )
    signup_goal = models.PositiveIntegerField(
        _("sign-up goal"),
        null=True,
        blank=True,
        help_text=_("Optional: shows a progress bar towards this number of supporters."),
    )
    call_to_action = models.TextField(
        _("call to action"),
        max_length=500,
        blank=True,
        help_text=_("Shown above the sign-up form, e.g. 'Add your name to call for…'."),
    )
    thank_you_text = models.TextField(
        _("thank-you text"),
        max_length=2000,
        blank=True,
        help_text=_("Shown to supporters once they have confirmed their sign-up."),
    )
    acknowledgements = models.TextField(
        _("partners and funders"),
        max_length=2000,
        blank=True,
        help_text=_("Acknowledgement of partners and funders, shown at the foot of the page."),
    )
    list_supporter_names = models.BooleanField(
        _("list supporter names"),
        default=True,
        help_text=_(
            "Let supporters choose to have their name and country shown on the campaign "
            "page. Untick to show only counts."
        ),
    )
    # When the campaign closed (stamped when its status becomes "closed"): the retention of
    # its supporters' names and emails counts from here (or from closes_at).
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    # Withdrawn supporters are deleted; this anonymous tally is all that is kept of them.
    withdrawn_count = models.PositiveIntegerField(_("withdrawn"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        indexes = [models.Index(fields=["status", "-opens_at"], name="campaign_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__isnull=True)
                | models.Q(opens_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="campaign_closes_after_opens",
                violation_error_message=_("Sign-ups must close after they open."),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        if self.status != self.Status.CLOSED:
            self.closed_at = None
        elif self.closed_at is None:
            self.closed_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "closed_at"}
        images.prepare_for_save(self, "hero_image", "hero_renditions", kwargs)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("campaigns:campaign-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.hero_image and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": _("Describe the image for screen readers.")})

    @property
    def is_public(self):
        return self.status != self.Status.DRAFT

    @property
    def signup_state(self):
        """'open', 'not-yet' (opens later), 'closed' or 'draft'."""
        now = timezone.now()
        if self.status == self.Status.DRAFT:
            return "draft"
        if self.status == self.Status.CLOSED or (self.closes_at and self.closes_at <= now):
            return "closed"
        if self.opens_at and self.opens_at > now:
            return "not-yet"
        return "open"

    @property
    def is_accepting_signups(self):
        return self.signup_state == "open"

    @property
    def hero_picture(self):
        """Sources for <picture>, read from hero_renditions (no file system access)."""
        return images.picture_sources(self.hero_image, self.hero_renditions)


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
        Campaign, on_delete=models.CASCADE, related_name="supporters", verbose_name=_("campaign")
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
    # The language of the page they signed on: updates in another language skip them.
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=site_languages,
        default=default_language,
        blank=True,
    )
    # Which wording of the consent boxes they ticked (campaigns/consent.py keeps every one).
    consent_version = models.CharField(_("consent wording"), max_length=20, blank=True)
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
                # Supporters of long-closed campaigns keep their row with the email blanked.
                condition=~models.Q(email=""),
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
