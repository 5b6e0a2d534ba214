"""No address on the site sends a reader to another host, whatever is put in the request."""

from urllib.parse import urlsplit

import pytest
from django.contrib.redirects.models import Redirect

from tests.blog.factories import make_category, make_post
from tests.campaigns.factories import make_campaign

ELSEWHERE = ["//evil.example", "https://evil.example/", "/\\evil.example", "\\\\evil.example"]
ENCODED = ["%2F%2Fevil.example", "https:%2F%2Fevil.example", "%5C%5Cevil.example"]
PARAMETERS = ("p", "cat", "page_id", "tag", "author", "attachment_id", "next", "redirect_to")


def requests(post, campaign):
    for target in ELSEWHERE + ENCODED:
        for name in PARAMETERS:
            yield "get", f"/?{name}={target}", {}
        yield "get", f"/{target}", {}
        yield "get", f"/{target}/", {}
        yield "get", f"/category/{target}/region/", {}
        yield "get", f"/category/x/{target}", {}
        yield "get", f"{post.get_absolute_url()}?next={target}", {}
        yield "get", f"/admin/login/?next={target}", {}
        yield "get", f"/admin/?next={target}", {}
        yield "post", f"/admin/login/?next={target}", {"username": "staff", "password": "pw"}
        yield "post", f"/comments/post/{post.pk}/?next={target}", {"next": target}
        yield "get", f"/campaigns/{campaign.slug}/sign-up/?next={target}", {}
        yield "post", f"/campaigns/{campaign.slug}/sign-up/?next={target}", {"next": target}
    yield "get", "/2001/01/01/the-post/", {}  # the wrong date redirects to the real one
    yield "get", "/category/parent/region/", {}  # an old nested category link


def on_this_site(location):
    parts = urlsplit(location)
    if parts.netloc:
        return parts.netloc == "testserver"
    # Browsers read "/\host" and "\\host" as "//host".
    return location.startswith("/") and not location.replace("\\", "/").startswith("//")


@pytest.mark.django_db
def test_no_redirect_leaves_the_site(client, admin_user):
    admin_user.username = "staff"
    admin_user.set_password("pw")
    admin_user.save()
    region = make_category(slug="region")
    post = make_post(slug="the-post", categories=[region])
    campaign = make_campaign(slug="the-campaign")
    # A redirect staff recorded for an address on this site stays on this site.
    Redirect.objects.create(site_id=1, old_path="/2001/01/01/the-post/", new_path="/campaigns/")
    client.raise_request_exception = False
    redirects, away = 0, []
    for method, url, data in requests(post, campaign):
        client.logout()
        response = getattr(client, method)(url, data)
        assert response.status_code < 500, url
        if location := response.get("Location"):
            redirects += 1
            if not on_this_site(location):
                away.append((method, url, location))
    assert away == []
    assert redirects > 20  # the requests above really exercise redirects


@pytest.mark.django_db
@pytest.mark.parametrize("target", ELSEWHERE)
def test_login_with_a_foreign_next_lands_on_the_admin_index(client, admin_user, target):
    admin_user.set_password("pw")
    admin_user.save()
    data = {"username": admin_user.username, "password": "pw", "next": target}
    response = client.post("/admin/login/", data)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"  # not Django's default /accounts/profile/ (a 404)
