"""Featured image renditions: made once at save time, right sizes, WebP + JPEG."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from PIL import Image

from core import images
from tests.blog.factories import make_post
from tests.core.factories import gps_exif, image_bytes

pytestmark = pytest.mark.django_db


def post_with_image(data=None, name="photo.jpg", **kwargs):
    post = make_post(featured_image_alt="Peer workers at a rally", **kwargs)
    post.featured_image.save(name, ContentFile(data or image_bytes()), save=False)
    post.save()
    return post


def open_stored(name):
    with default_storage.open(name) as f:
        image = Image.open(io.BytesIO(f.read()))
        image.load()
        return image


def test_renditions_have_three_widths_in_webp_and_jpeg():
    post = post_with_image(image_bytes(size=(2000, 1200)))
    found = {(r["width"], r["height"], r["format"]) for r in post.featured_renditions}
    assert found == {
        (w, h, f) for w, h in [(480, 288), (960, 576), (1600, 960)] for f in ("webp", "jpeg")
    }
    for record in post.featured_renditions:
        assert record["name"].startswith("posts/")
        assert "/renditions/" in record["name"]
        stored = open_stored(record["name"])
        assert stored.size == (record["width"], record["height"])
        assert stored.format == record["format"].upper()


def test_renditions_are_recorded_in_the_database():
    post = post_with_image()
    post.refresh_from_db()
    assert len(post.featured_renditions) == 6


def test_small_images_are_never_upscaled():
    post = post_with_image(image_bytes(size=(700, 350)))
    assert sorted({r["width"] for r in post.featured_renditions}) == [480, 700]


def test_second_save_without_image_change_makes_nothing(monkeypatch):
    post = post_with_image()
    before = list(post.featured_renditions)

    def fail(*args, **kwargs):
        raise AssertionError("renditions were made again")

    monkeypatch.setattr(images, "make_renditions", fail)
    post.title = "New title"
    post.save()
    post.refresh_from_db()
    post.save()
    assert post.featured_renditions == before


def test_new_image_replaces_renditions_and_deletes_the_old_files():
    post = post_with_image(name="first.jpg")
    old_names = [r["name"] for r in post.featured_renditions]
    post.featured_image.save("second.png", ContentFile(image_bytes("PNG")), save=False)
    post.save()
    assert all(not default_storage.exists(name) for name in old_names)
    assert all("second" in r["name"] for r in post.featured_renditions)
    assert all(default_storage.exists(r["name"]) for r in post.featured_renditions)


def test_removing_the_image_removes_renditions():
    post = post_with_image()
    names = [r["name"] for r in post.featured_renditions]
    post.featured_image = None
    post.save()
    assert post.featured_renditions == []
    assert not any(default_storage.exists(name) for name in names)


def test_missing_rendition_files_are_made_again():
    post = post_with_image()
    default_storage.delete(post.featured_renditions[0]["name"])
    post.save()
    assert all(default_storage.exists(r["name"]) for r in post.featured_renditions)


def test_exif_orientation_is_applied():
    # Stored 1200 wide × 800 high, with the camera's flag "rotate 90° to view".
    data = image_bytes(size=(1200, 800), exif=gps_exif(orientation=6))
    post = post_with_image(data)
    widest = max(post.featured_renditions, key=lambda r: r["width"])
    assert (widest["width"], widest["height"]) == (800, 1200)


def test_transparent_png_gets_a_white_jpeg_and_a_transparent_webp():
    data = image_bytes("PNG", size=(600, 400), mode="RGBA", color=(0, 0, 0, 0))
    post = post_with_image(data, name="logo.png")
    jpeg = next(r for r in post.featured_renditions if r["format"] == "jpeg")
    webp = next(r for r in post.featured_renditions if r["format"] == "webp")
    assert open_stored(jpeg["name"]).convert("RGB").getpixel((10, 10)) == (255, 255, 255)
    assert open_stored(webp["name"]).convert("RGBA").getpixel((10, 10))[3] == 0


def test_stored_original_has_no_exif_gps():
    post = post_with_image(image_bytes(exif=gps_exif()))
    original = open_stored(post.featured_image.name)
    assert not original.getexif()
    for record in post.featured_renditions:
        assert not open_stored(record["name"]).getexif()


def test_template_has_picture_srcset_size_and_lazy_loading(django_assert_num_queries):
    post = post_with_image(
        featured_image_credit="Jo Artist", featured_image_credit_url="https://example.org/jo"
    )
    with django_assert_num_queries(0):
        html = render_to_string("blog/_featured_image.html", {"post": post})
    assert "<figure" in html
    assert "<picture>" in html
    assert '<source type="image/webp" srcset="' in html
    assert " 480w, " in html
    assert " 1600w" in html
    assert 'width="960" height="576"' in html
    assert 'loading="lazy"' in html
    assert 'decoding="async"' in html
    assert 'alt="Peer workers at a rally"' in html
    assert 'sizes="' in html
    assert '<a href="https://example.org/jo" rel="nofollow noopener">Jo Artist</a>' in html


def test_template_takes_sizes_from_context():
    post = post_with_image()
    html = render_to_string("blog/_featured_image.html", {"post": post, "sizes": "50vw"})
    assert 'sizes="50vw"' in html


def test_template_renders_nothing_without_an_image():
    post = make_post()
    assert render_to_string("blog/_featured_image.html", {"post": post}).strip() == ""


def test_template_falls_back_to_the_original_without_renditions():
    post = post_with_image()
    post.featured_renditions = []
    html = render_to_string("blog/_featured_image.html", {"post": post})
    assert f'src="{post.featured_image.url}"' in html
    assert "srcset" not in html


def test_credit_without_link_is_plain_text():
    post = post_with_image(featured_image_credit="INPUD")
    html = render_to_string("blog/_featured_image.html", {"post": post})
    assert "<figcaption" in html
    assert "INPUD" in html
    assert "<a " not in html
