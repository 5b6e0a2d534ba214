from django.conf import global_settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from campaigns.supporters import Supporter
from campaigns.validators import (
    validate_campaign_slug,
    validate_document_slug,
    validate_pdf,
)
from core import images
from core.sanitize import sanitize_html
from core.translatable import Translatable
from core.validators import validate_image_file

# Django's language names are marked with gettext_noop: translate them when shown, so staff
# see them in their own language (Django's catalogues already hold every translation).
LANGUAGE_CHOICES = [(code, _(name)) for code, name in global_settings.LANGUAGES]


# Open and closed campaigns are public; drafts are not.
PUBLIC_STATUSES = ("open", "closed")


def _accepting_signups_q(now):
    return (
        models.Q(status=Campaign.Status.OPEN)
        & (models.Q(opens_at__isnull=True) | models.Q(opens_at__lte=now))
        & (models.Q(closes_at__isnull=True) | models.Q(closes_at__gt=now))
    )


class CampaignQuerySet(models.QuerySet):
    def public(self):
        """What the public may see: open and closed campaigns, never drafts."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def in_language(self, code=None):
        return self.filter(language=code or translation.get_language())

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
        """Counts of the original's supporters (a translation shares them)."""

        def count(status):
            rows = Supporter.objects.filter(
                campaign_id=Coalesce(models.OuterRef("translation_of_id"), models.OuterRef("pk")),
                status=status,
            )
            total = rows.order_by().values("campaign_id").annotate(n=models.Count("pk"))
            return Coalesce(models.Subquery(total.values("n")), 0)

        return self.annotate(
            confirmed_count=count(Supporter.Status.CONFIRMED),
            pending_count=count(Supporter.Status.PENDING),
        )


class Campaign(Translatable):
    """A campaign page. Its translations share the original's supporters: sign-ups on any
    of them are stored on the original (``original_id``), in the supporter's language."""

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
        images.prepare_for_save(self, "hero_image", "hero_renditions", kwargs)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.reverse_in_language("campaigns:campaign-detail", slug=self.slug)

    def in_language(self, code):
        """This campaign's version in ``code`` (itself, or the original, without one)."""
        if code == self.language:
            return self
        group = Campaign.objects.filter(self.group_q())
        found = {c.language: c for c in group.filter(language__in=[code, self.language])}
        return found.get(code) or self

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


class CampaignDocumentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_on__lte=timezone.localdate())


class CampaignDocument(Translatable):
    class Kind(models.IntegerChoices):
        # The numbers give the reading order: foreword, executive summary, papers, the rest.
        FOREWORD = 10, _("Foreword")
        EXECUTIVE_SUMMARY = 20, _("Executive summary")
        PAPER = 30, _("Paper")
        OTHER = 40, _("Other")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="documents", verbose_name=_("campaign")
    )
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        validators=[validate_document_slug],
        help_text=_("The last part of the document's address, unique within the campaign."),
    )
    kind = models.PositiveSmallIntegerField(
        _("kind"),
        choices=Kind.choices,
        default=Kind.PAPER,
        help_text=_("Forewords come first, then executive summaries, then papers."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        help_text=_("Position among documents of the same kind: 1, 2, 3…"),
    )
    summary = models.TextField(
        _("summary"), max_length=1000, help_text=_("A short description shown in the list.")
    )
    body = CKEditor5Field(
        _("web version"),
        blank=True,
        config_name="default",
        help_text=_("The readable web version of the document."),
    )
    file = models.FileField(
        _("downloadable PDF"),
        upload_to="campaigns/documents/%Y/",
        blank=True,
        max_length=255,
        validators=[validate_pdf],
        help_text=_("Optional. Only PDF files are accepted."),
    )
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, editable=False)
    # Any language (a paper may exist only in Portuguese); its address is its campaign's.
    language = models.CharField(
        _("language"), max_length=10, choices=LANGUAGE_CHOICES, default="en"
    )
    published_on = models.DateField(
        _("publish date"),
        default=timezone.localdate,
        help_text=_("The document is hidden from the public until this date."),
    )

    objects = CampaignDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "order", "pk"]
        verbose_name = _("campaign document")
        verbose_name_plural = _("campaign documents")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "slug"],
                name="campaign_document_unique_slug",
                violation_error_message=_("This campaign already has a document with this slug."),
            )
        ]
        indexes = [
            models.Index(
                fields=["campaign", "kind", "order", "published_on"], name="campaign_doc_order_idx"
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        if not self.file:
            self.file_size = None
        elif not self.file._committed or self.file_size is None:
            # Stored once, so pages never stat the file.
            self.file_size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        with translation.override(self.campaign.language):
            return reverse(
                "campaigns:document-detail",
                kwargs={"slug": self.campaign.slug, "document_slug": self.slug},
            )
