"""Campaign documents: the foreword, executive summary and papers of a campaign."""

import datetime

from django.conf import global_settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from campaigns.validators import validate_document_slug, validate_pdf
from core.sanitize import sanitize_html
from core.translatable import Translatable

# Django's language names are marked with gettext_noop: translate them when shown, so staff
# see them in their own language (Django's catalogues already hold every translation).
LANGUAGE_CHOICES = [(code, _(name)) for code, name in global_settings.LANGUAGES]


class CampaignDocumentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_on__lte=timezone.localdate())

    def next_publication(self):
        """The moment the next document dated in the future appears (the start of its day,
        in the site's time zone), or None: pagecache bumps SITE then."""
        day = (
            self.filter(published_on__gt=timezone.localdate())
            .order_by("published_on")
            .values_list("published_on", flat=True)
            .first()
        )
        if day is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class CampaignDocument(Translatable):
    class Kind(models.IntegerChoices):
        # The numbers give the reading order: foreword, executive summary, papers, the rest.
        FOREWORD = 10, _("Foreword")
        EXECUTIVE_SUMMARY = 20, _("Executive summary")
        PAPER = 30, _("Paper")
        OTHER = 40, _("Other")

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("campaign"),
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
