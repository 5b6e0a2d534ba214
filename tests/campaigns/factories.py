"""Small factory functions with keyword defaults."""

import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from campaigns.models import Campaign, CampaignDocument, Supporter
from campaigns.pdf import minimal_pdf

_seq = itertools.count(1)


def make_campaign(**kwargs):
    n = next(_seq)
    kwargs.setdefault("title", f"Campaign {n}")
    kwargs.setdefault("slug", f"campaign-{n}")
    kwargs.setdefault("summary", f"Summary of campaign {n}.")
    kwargs.setdefault("status", Campaign.Status.OPEN)
    return Campaign.objects.create(**kwargs)


def make_document(campaign, **kwargs):
    n = next(_seq)
    kwargs.setdefault("title", f"Document {n}")
    kwargs.setdefault("slug", f"document-{n}")
    kwargs.setdefault("summary", f"Summary of document {n}.")
    kwargs.setdefault("kind", CampaignDocument.Kind.PAPER)
    return CampaignDocument.objects.create(campaign=campaign, **kwargs)


def make_supporter(campaign, **kwargs):
    n = next(_seq)
    kwargs.setdefault("name", f"Supporter {n}")
    kwargs.setdefault("email", f"supporter{n}@example.org")
    kwargs.setdefault("country", "GB")
    kwargs.setdefault("status", Supporter.Status.CONFIRMED)
    if kwargs["status"] == Supporter.Status.CONFIRMED:
        kwargs.setdefault("confirmed_at", timezone.now())
    return Supporter.objects.create(campaign=campaign, **kwargs)


def pdf_upload(name="paper.pdf", content=None):
    data = minimal_pdf("A test paper", ["Some text."]) if content is None else content
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def signup_data(**kwargs):
    data = {
        "name": "Ana Peer",
        "email": "ana@example.org",
        "country": "PT",
        "organisation": "",
        "website": "",
    }
    data.update(kwargs)
    return data
