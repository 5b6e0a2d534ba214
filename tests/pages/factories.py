import itertools
from datetime import timedelta

from django.utils import timezone

from pages.models import Page

_seq = itertools.count(1)


def make_page(**kwargs):
    n = next(_seq)
    kwargs.setdefault("title", f"Page {n}")
    kwargs.setdefault("slug", f"page-{n}")
    kwargs.setdefault("status", Page.Status.PUBLISHED)
    kwargs.setdefault("publish_at", timezone.now() - timedelta(days=1))
    kwargs.setdefault("body", f"<p>Body of page {n}.</p>")
    return Page.objects.create(**kwargs)


def page_form_data(**overrides):
    """What the page admin form submits."""
    data = {
        "title": "About us",
        "slug": "about-us",
        "parent": "",
        "order": "0",
        "status": "published",
        "publish_at_0": "2025-01-10",
        "publish_at_1": "10:00:00",
        "excerpt": "",
        "body": "<p>Who we are.</p>",
        "featured_image_alt": "",
        "seo_description": "",
        "show_in_sitemap": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
