"""Public forms work without a cookie and refuse what another site sends; staff forms keep
Django's CSRF token."""

import re

import pytest
from django.test import Client

from campaigns.models import Supporter
from comments.models import Comment
from contact.models import ContactMessage
from tests.inpud.html_audit import form_data
from tests.inpud.site import build_site

FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S | re.I)
ACTION = re.compile(r'action="([^"#]*)')
# What a person types into the forms' empty fields.
TYPED = {"name": "Ana", "email": "ana@example.org", "body": "Thank you.", "country": "PT",
         "message": "Hello."}  # fmt: skip
CROSS_SITE = {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"}


def public_post_forms(client, site):
    """(page, action, the data a browser would send) for every POST form on a public page."""
    found = {}
    for url in site.html_urls:
        html = client.get(url).text
        for number, form in enumerate(FORM.findall(html)):
            if not re.search(r'method="post"', form, re.I):
                continue
            match = ACTION.search(form.split(">", 1)[0])
            action = (match.group(1) if match else "") or url
            tagged = re.sub(r"<form\b", f'<form id="f{number}"', form, count=1)
            found[(url, action)] = form_data(tagged, form_id=f"f{number}")
    return found


def stored(site):
    supporters = list(Supporter.objects.order_by("pk").values_list("pk", "status", "show_name"))
    return Comment.objects.count(), supporters, ContactMessage.objects.count()


@pytest.mark.django_db
def test_public_forms_carry_no_token_and_give_no_cookie(client):
    site = build_site(client)
    forms = public_post_forms(client, site)
    # Comment form (post page and reply link), sign-up, confirm, show-name, withdraw, contact.
    assert len({action for _url, action in forms}) >= 5
    for url in site.html_urls:
        response = client.get(url)
        assert "csrfmiddlewaretoken" not in response.text, url
        assert not response.cookies, url


@pytest.mark.django_db
def test_every_public_form_refuses_a_post_from_another_site_and_stores_nothing(client):
    site = build_site(client)
    before = stored(site)
    for (url, action), data in public_post_forms(client, site).items():
        if "/unsubscribe/" in action:
            # One-click unsubscribe (RFC 8058) is POSTed by mail providers, from no page of
            # ours: the signed link is its protection (tests/campaigns/test_unsubscribe.py).
            continue
        response = client.post(action, data, **CROSS_SITE)
        assert response.status_code == 403, (url, action, response.status_code)
        assert "This form came from another website" in response.text
    assert stored(site) == before


@pytest.mark.django_db
def test_every_public_form_works_from_this_site_without_javascript_or_cookie(client):
    site = build_site(client)
    for (url, action), data in public_post_forms(client, site).items():
        if "withdraw" in action:
            continue  # it erases the supporter the other forms need; tested in campaigns
        typed = {name: TYPED[name] for name in data if name in TYPED and not data[name].strip()}
        response = client.post(action, {**data, **typed}, HTTP_SEC_FETCH_SITE="same-origin")
        assert response.status_code in (200, 302), (url, action, response.status_code)
        assert not response.cookies, action


@pytest.mark.django_db
def test_staff_forms_keep_the_csrf_token(admin_client):
    assert "csrfmiddlewaretoken" in Client().get("/admin/login/").text
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Please send the form again" in response.text
