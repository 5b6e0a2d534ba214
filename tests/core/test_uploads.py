"""Uploads are real images within limits; CKEditor uploads are staff only and lose EXIF."""

import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from blog.models import Post
from tests.blog.factories import make_staff, make_user, post_form_data
from tests.core.factories import fake_file, gps_exif, image_bytes, png_bomb, uploaded_image

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/ckeditor5/image_upload/"
ADD_URL = "/admin/blog/post/add/"

FAKES = {
    "text.jpg": b"just some text, not an image",
    "page.jpg": b"<!doctype html><html><script>alert(1)</script></html>",
    "vector.jpg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "empty.jpg": b"",
}


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff("Author"))
    return client


def stored(url):
    name = url.removeprefix("/media/")
    with default_storage.open(name) as f:
        image = Image.open(io.BytesIO(f.read()))
        image.load()
        return image


# CKEditor upload endpoint


def test_anonymous_upload_is_forbidden(client):
    response = client.post(UPLOAD_URL, {"upload": uploaded_image()})
    assert response.status_code == 403
    assert "permission" in response.json()["error"]["message"]


def test_non_staff_upload_is_forbidden(client):
    client.force_login(make_user())
    assert client.post(UPLOAD_URL, {"upload": uploaded_image()}).status_code == 403


def test_get_is_not_allowed(staff_client):
    assert staff_client.get(UPLOAD_URL).status_code == 405


@pytest.mark.parametrize("name", FAKES)
def test_fake_images_are_refused_with_a_message(staff_client, name):
    response = staff_client.post(UPLOAD_URL, {"upload": fake_file(name, FAKES[name])})
    assert response.status_code == 400
    assert "not a valid image" in response.json()["error"]["message"]


def test_missing_file_is_a_400(staff_client):
    response = staff_client.post(UPLOAD_URL, {})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Choose an image to upload."


def test_real_image_is_stored_without_exif(staff_client):
    photo = uploaded_image("My Photo.JPG", exif=gps_exif())
    response = staff_client.post(UPLOAD_URL, {"upload": photo})
    assert response.status_code == 200
    url = response.json()["url"]
    assert url.startswith("/media/uploads/")
    assert url.endswith("/my-photo.jpg")
    image = stored(url)
    assert image.format == "JPEG"
    assert not image.getexif()
    assert "exif" not in image.info


def test_png_upload_stays_png(staff_client):
    response = staff_client.post(UPLOAD_URL, {"upload": uploaded_image("chart.png", fmt="PNG")})
    assert response.status_code == 200
    assert stored(response.json()["url"]).format == "PNG"


def test_too_large_upload_is_refused(staff_client, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 1000
    response = staff_client.post(UPLOAD_URL, {"upload": uploaded_image()})
    assert response.status_code == 400
    assert "too large" in response.json()["error"]["message"]


def test_decompression_bomb_is_refused_not_crashed(staff_client):
    response = staff_client.post(UPLOAD_URL, {"upload": fake_file("bomb.png", png_bomb())})
    assert response.status_code == 400
    assert "too many pixels" in response.json()["error"]["message"]


def test_image_over_the_pixel_limit_is_refused(staff_client, settings):
    settings.MAX_IMAGE_PIXELS = 1_000_000
    response = staff_client.post(UPLOAD_URL, {"upload": uploaded_image(size=(2000, 1000))})
    assert response.status_code == 400
    assert "2000 × 1000 pixels" in response.json()["error"]["message"]


# Featured image through the admin form


@pytest.mark.parametrize("name", ["text.jpg", "page.jpg", "vector.jpg"])
def test_featured_image_must_be_a_real_image(staff_client, name):
    data = post_form_data(featured_image=fake_file(name, FAKES[name]), featured_image_alt="x")
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "errorlist" in response.text
    assert 'id="id_featured_image_error"' in response.text
    assert not Post.objects.exists()


def test_featured_image_bomb_is_a_form_error(staff_client):
    data = post_form_data(featured_image=fake_file("bomb.png", png_bomb()), featured_image_alt="x")
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert 'id="id_featured_image_error"' in response.text
    assert not Post.objects.exists()


def test_featured_image_size_limit(staff_client, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 1000
    data = post_form_data(featured_image=uploaded_image(), featured_image_alt="x")
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "The file is too large" in response.text
    assert 'value="A new post"' in response.text  # what was typed is kept


def test_featured_image_from_the_admin_loses_its_gps(staff_client):
    photo = uploaded_image(exif=gps_exif())
    data = post_form_data(featured_image=photo, featured_image_alt="Outreach van")
    assert staff_client.post(ADD_URL, data).status_code == 302
    post = Post.objects.get()
    with post.featured_image.open() as f:
        image = Image.open(io.BytesIO(f.read()))
    assert not image.getexif()


def test_existing_image_is_not_revalidated_on_other_edits(staff_client, settings):
    staff_client.post(
        ADD_URL, post_form_data(featured_image=uploaded_image(), featured_image_alt="A van")
    )
    post = Post.objects.get()
    settings.MAX_IMAGE_UPLOAD_BYTES = 10  # tightened later: old images stay editable
    data = post_form_data(title="Retitled", featured_image_alt="A van")
    response = staff_client.post(f"/admin/blog/post/{post.pk}/change/", data)
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "Retitled"
    assert post.featured_image


def test_upload_size_of_a_real_photo_shrinks_after_stripping(staff_client):
    big_exif = gps_exif()
    big_exif[0x010E] = "x" * 20_000  # ImageDescription: plenty of metadata
    raw = image_bytes(size=(400, 300), exif=big_exif)
    photo = fake_file("photo.jpg", raw)
    response = staff_client.post(UPLOAD_URL, {"upload": photo})
    name = response.json()["url"].removeprefix("/media/")
    assert default_storage.size(name) < len(raw)


def test_wide_photo_in_a_post_body_is_scaled_down_for_readers(staff_client):
    # A phone photo would otherwise reach readers on poor connections at several megabytes.
    response = staff_client.post(UPLOAD_URL, {"upload": uploaded_image(size=(4032, 3024))})
    image = stored(response.json()["url"])
    assert image.size == (1600, 1200)


def test_narrow_and_portrait_images_keep_their_size(staff_client):
    for size in ((800, 600), (1200, 2400)):
        response = staff_client.post(UPLOAD_URL, {"upload": uploaded_image(size=size)})
        assert stored(response.json()["url"]).size == size


def test_wide_transparent_png_stays_transparent_when_scaled(staff_client):
    upload = uploaded_image(
        "logo.png", fmt="PNG", mode="RGBA", size=(2000, 500), color=(0, 0, 0, 0)
    )
    image = stored(staff_client.post(UPLOAD_URL, {"upload": upload}).json()["url"])
    assert image.size == (1600, 400)
    assert image.mode == "RGBA" and image.getpixel((10, 10))[3] == 0
