"""Changing a published post's address leaves a 301 behind: no chains, no loops."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from reversion.models import Version

from blog.models import Post
from tests.blog.factories import make_post, make_staff, post_form_data
from tests.inpud.html_audit import form_data

pytestmark = pytest.mark.django_db


def move(post, **changes):
    old = post.get_absolute_url()
    for field, value in changes.items():
        setattr(post, field, value)
    post.save()
    return old, post.get_absolute_url()


def test_site_exists_with_the_domain_of_site_url():
    site = Site.objects.get(pk=settings.SITE_ID)
    assert site.domain == settings.SITE_URL.split("://", 1)[1]


def test_new_slug_through_the_admin_redirects_old_url(client):
    post = make_post(slug="old-slug")
    old_url = post.get_absolute_url()
    client.force_login(make_staff("Editor"))
    when = post.local_publish_at
    response = client.post(
        f"/admin/blog/post/{post.pk}/change/",
        post_form_data(
            title=post.title,
            slug="new-slug",
            status="published",
            author=post.author.pk,
            publish_at_0=when.strftime("%Y-%m-%d"),
            publish_at_1=when.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302
    client.logout()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == old_url.replace("old-slug", "new-slug")
    assert client.get(response["Location"]).status_code == 200


def test_new_publish_date_redirects_old_url(client):
    post = make_post()
    old, new = move(post, publish_at=post.publish_at - timedelta(days=40))
    assert old != new
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)


def test_draft_changes_leave_no_redirect():
    post = make_post(status=Post.Status.DRAFT)
    move(post, slug="renamed-draft")
    assert not Redirect.objects.exists()


def test_unchanged_address_leaves_no_redirect():
    post = make_post()
    move(post, title="Only the title changed")
    assert not Redirect.objects.exists()


def test_second_move_repoints_the_first_redirect(client):
    post = make_post(slug="a")
    first, _ = move(post, slug="b")
    second, final = move(post, slug="c")
    assert client.get(first)["Location"] == final
    assert client.get(second)["Location"] == final
    assert set(Redirect.objects.values_list("new_path", flat=True)) == {final}


def test_moving_back_creates_no_loop(client):
    post = make_post(slug="a")
    a, b = move(post, slug="b")
    move(post, slug="a")
    assert list(Redirect.objects.values_list("old_path", "new_path")) == [(b, a)]
    assert client.get(a).status_code == 200
    assert client.get(b)["Location"] == a


def test_a_new_post_at_an_old_address_wins(client):
    post = make_post(slug="taken")
    old, _ = move(post, slug="moved")
    newcomer = make_post(slug="taken", publish_at=post.publish_at, title="The newcomer")
    assert newcomer.get_absolute_url() == old
    response = client.get(old)
    assert response.status_code == 200
    assert "The newcomer" in response.text


def test_restoring_an_older_slug_redirects_the_current_url(client):
    client.force_login(make_staff("Editor"))
    post = make_post(slug="first-slug")
    when = post.local_publish_at
    data = post_form_data(
        title=post.title,
        status="published",
        author=post.author.pk,
        publish_at_0=when.strftime("%Y-%m-%d"),
        publish_at_1=when.strftime("%H:%M:%S"),
    )
    client.post(f"/admin/blog/post/{post.pk}/change/", {**data, "slug": "first-slug"})
    client.post(f"/admin/blog/post/{post.pk}/change/", {**data, "slug": "second-slug"})
    post.refresh_from_db()
    second_url = post.get_absolute_url()
    first_version = Version.objects.get_for_object(post).order_by("pk").first()
    url = f"/admin/blog/post/{post.pk}/history/{first_version.pk}/"
    assert client.post(url, form_data(client.get(url).text)).status_code == 302
    post.refresh_from_db()
    assert post.slug == "first-slug"
    client.logout()
    response = client.get(second_url)
    assert (response.status_code, response["Location"]) == (301, post.get_absolute_url())
    assert client.get(post.get_absolute_url()).status_code == 200
