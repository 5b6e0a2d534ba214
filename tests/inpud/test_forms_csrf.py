"""Every form that sends data carries a CSRF token; the server refuses it without one."""

import re

import pytest
from django.test import Client

from tests.inpud.site import build_site

FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S | re.I)


@pytest.mark.django_db
def test_every_post_form_on_a_public_page_has_a_csrf_token(client):
    site = build_site(client)
    post_forms, missing = 0, []
    for url in site.html_urls:
        for form in FORM.findall(client.get(url).text):
            if re.search(r'method="post"', form, re.I):
                post_forms += 1
                if 'name="csrfmiddlewaretoken"' not in form:
                    missing.append((url, form[:80]))
    assert missing == []
    # Comment form (twice: post page and reply link), sign-up, confirm, show-name, withdraw.
    assert post_forms >= 6


@pytest.mark.django_db
def test_forms_sent_without_the_token_are_refused_with_a_helpful_page(client):
    site = build_site(client)
    strict = Client(enforce_csrf_checks=True)
    for url in [
        f"/comments/post/{site.post.pk}/",
        f"/campaigns/{site.campaign.slug}/sign-up/",
    ]:
        response = strict.post(url, {"name": "Ana", "email": "ana@example.org"})
        assert response.status_code == 403
        assert "Please send the form again" in response.text
