"""A featured image chosen in the post form survives a failed save.

Browsers never send a chosen file again after the page comes back with an error, so without
this an editor who forgot the alt text would fix it, save, and publish the post without its
image, told only that it was "added successfully".
"""

import pytest
from django.core import signing
from django.core.files.storage import default_storage
from PIL import Image

from blog.models import Post
from tests.blog.factories import make_post, make_staff, post_form_data
from tests.core.factories import fake_file, gps_exif, uploaded_image
from tests.inpud.html_audit import form_data

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/blog/post/add/"
KEPT = "kept_featured_image"


@pytest.fixture
def editor_client(client):
    client.force_login(make_staff("Editor"))
    return client


def fail_once(client, url=ADD_URL, **fields):
    """Submit with an image but no alt text; return what the browser would send next."""
    data = post_form_data(
        featured_image=uploaded_image("cover.jpg", exif=gps_exif()),
        featured_image_alt="",
        status="published",
        **fields,
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Describe the featured image for people who cannot see it." in response.text
    return response, form_data(response.text)


def test_image_is_kept_after_an_error_and_saved_with_the_fixed_form(editor_client):
    response, resubmit = fail_once(editor_client)
    assert resubmit[KEPT]
    kept = signing.loads(resubmit[KEPT], salt="blog.post.kept-featured-image")
    assert kept.startswith("posts/") and kept.endswith("cover.jpg")
    # The page says so, with a link to the image, instead of an empty file chooser.
    assert "Currently:" in response.text
    assert f'href="/media/{kept}"' in response.text

    resubmit["featured_image_alt"] = "A naloxone kit"
    assert editor_client.post(ADD_URL, resubmit).status_code == 302
    post = Post.objects.get()
    assert post.status == Post.Status.PUBLISHED
    assert post.featured_image.name == kept
    assert {r["width"] for r in post.featured_renditions} == {480, 960, 1600}


def test_kept_image_has_no_location_data(editor_client):
    _response, resubmit = fail_once(editor_client)
    kept = signing.loads(resubmit[KEPT], salt="blog.post.kept-featured-image")
    with default_storage.open(kept) as stored, Image.open(stored) as image:
        assert not image.getexif()


def test_a_new_file_replaces_the_kept_one(editor_client):
    _response, resubmit = fail_once(editor_client)
    resubmit["featured_image_alt"] = "A banner"
    resubmit["featured_image"] = uploaded_image("banner.png", fmt="PNG")
    assert editor_client.post(ADD_URL, resubmit).status_code == 302
    assert Post.objects.get().featured_image.name.endswith("banner.png")


def test_a_forged_or_foreign_name_is_ignored(editor_client):
    _response, resubmit = fail_once(editor_client)
    resubmit["featured_image_alt"] = "Alt"
    for value in ("posts/2020/01/someone-elses.jpg", signing.dumps("settings.py", salt="x")):
        resubmit[KEPT] = value
        resubmit["slug"] = resubmit["title"] = f"try-{len(value)}"
        assert editor_client.post(ADD_URL, resubmit).status_code == 302
    assert not Post.objects.exclude(featured_image="").exists()


def test_a_broken_file_is_not_kept(editor_client):
    data = post_form_data(featured_image=fake_file("notes.jpg", b"not an image at all"))
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "Upload a valid image." in response.text
    assert not form_data(response.text).get(KEPT)


def test_on_an_existing_post_the_kept_image_replaces_the_old_one_or_can_be_cleared(
    editor_client,
):
    post = make_post(title="Old", slug="old")
    url = f"/admin/blog/post/{post.pk}/change/"
    _response, resubmit = fail_once(editor_client, url=url, title="Old", slug="old")
    resubmit["featured_image_alt"] = "A kit"
    assert editor_client.post(url, resubmit).status_code == 302
    post.refresh_from_db()
    assert post.featured_image.name.endswith("cover.jpg")

    # The same kept token with "Clear" ticked: the editor's last word wins.
    resubmit["featured_image-clear"] = "on"
    assert editor_client.post(url, resubmit).status_code == 302
    post.refresh_from_db()
    assert not post.featured_image
