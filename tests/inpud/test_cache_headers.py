"""Readers leave no trace and get pages a shared cache may keep; private pages are no-store."""

import pytest

from blog.models import Post
from tests.blog.factories import make_editor, make_post
from tests.inpud.conftest import public_urls

pytestmark = pytest.mark.django_db

PRIVATE = {
    "signup-sent",
    "signup-thanks",
    "supporter-confirm",
    "supporter-manage",
    "supporter-bad-link",
    "supporter-withdrawn",
    "supporter-unsubscribe",
    "your-data",
    "your-data-sent",
    "your-data-bad-link",
}


def test_every_public_page_sets_no_cookie_and_may_be_kept_by_a_shared_cache(client, site):
    urls = public_urls(site)
    urls |= {
        "feed": ("/feed/", 200),
        "atom": ("/feed/atom/", 200),
        "category-feed": ("/category/regional-information/feed/", 200),
        "comments-feed": ("/comments/feed/", 200),
        "sitemap": ("/sitemap.xml", 200),
        "sitemap-posts": ("/sitemap-posts.xml", 200),
        "robots": ("/robots.txt", 200),
    }
    checked = 0
    for name, (url, status) in urls.items():
        response = client.get(url)
        assert response.status_code == status, name
        assert not response.cookies, name
        assert "cookie" not in response.get("Vary", "").lower(), name
        if name in PRIVATE:
            assert response["Cache-Control"] == "private, no-store", name
            continue
        control = response["Cache-Control"]
        assert control.startswith("public"), (name, control)
        assert "s-maxage=" in control and "stale-while-revalidate=" in control, name
        assert "stale-if-error=" in control, name
        if status == 200:
            etag = response["ETag"]
            assert etag.startswith('"'), (name, etag)  # strong
            repeat = client.get(url, HTTP_IF_NONE_MATCH=etag)
            assert repeat.status_code == 304, name
            assert repeat["ETag"] == etag and not repeat.content
            checked += 1
    assert checked >= 20


def test_a_comment_answer_is_private(client, site):
    post = site["post"]
    data = {"name": "Ana", "email": "a@example.org", "body": "Hi", "parent": "", "leave_empty": ""}
    response = client.post(f"/comments/post/{post.pk}/", data)
    assert response["Cache-Control"] == "private, no-store"
    sent = client.get(response["Location"])
    assert sent["Cache-Control"] == "private, no-store"
    assert not sent.cookies and not client.cookies


def test_previews_staff_views_and_the_admin_are_never_shared(client):
    draft = make_post(status=Post.Status.DRAFT)
    public = make_post()
    client.force_login(make_editor())
    for url in [draft.get_absolute_url(), "/admin/", "/admin/blog/post/"]:
        control = client.get(url)["Cache-Control"]
        assert "private" in control and "no-store" in control, url
    # Logged-in staff get the public page as their own copy, never a shared one.
    control = client.get(public.get_absolute_url())["Cache-Control"]
    assert control == "private, no-store"


def test_vary_names_nothing_a_reader_does_not_change(client, site):
    for url in ("/", site["post"].get_absolute_url(), "/campaigns/", "/feed/"):
        vary = client.get(url).get("Vary", "")
        assert vary in ("", "Accept-Encoding"), (url, vary)
