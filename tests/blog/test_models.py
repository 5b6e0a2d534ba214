"""Model rules the admin relies on, checked without the admin."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from blog import roles
from blog.models import Author
from blog.services import author_profile_for
from core.validators import validate_image_file
from tests.blog.factories import make_category, make_post, make_user
from tests.core.factories import fake_file, image_bytes, png_bomb, uploaded_image

pytestmark = pytest.mark.django_db


def test_category_cannot_be_its_own_parent():
    category = make_category()
    category.parent = category
    with pytest.raises(ValidationError) as error:
        category.full_clean()
    assert "parent" in error.value.message_dict


def test_category_cannot_move_under_its_descendant():
    top = make_category()
    middle = make_category(parent=top)
    bottom = make_category(parent=middle)
    top.parent = bottom
    with pytest.raises(ValidationError):
        top.full_clean()


def test_category_can_move_elsewhere():
    top, other = make_category(), make_category()
    child = make_category(parent=top)
    child.parent = other
    child.full_clean()


def test_featured_image_without_alt_is_invalid():
    post = make_post()
    post.featured_image.save("a.jpg", ContentFile(image_bytes(size=(50, 50))), save=False)
    post.featured_image_alt = "   "
    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert "featured_image_alt" in error.value.message_dict


def test_post_without_image_needs_no_alt():
    make_post().full_clean()


def test_the_publish_permission_decides_who_publishes():
    permission = Permission.objects.get(content_type__app_label="blog", codename="publish_post")
    writer = make_user(is_staff=True)
    assert not roles.can_publish(writer)
    writer.user_permissions.add(permission)
    writer = type(writer).objects.get(pk=writer.pk)  # a fresh object: no permission cache
    assert roles.can_publish(writer)


def test_author_profile_is_made_from_the_full_name_never_the_username():
    user = make_user(username="login-name", first_name="Rosa", last_name="Peer")
    profile = author_profile_for(user)
    assert (profile.display_name, profile.slug) == ("Rosa Peer", "rosa-peer")
    assert "login" not in profile.slug


def test_author_profile_slug_is_unique():
    Author.objects.create(user=make_user(), display_name="Rosa Peer", slug="rosa-peer")
    profile = author_profile_for(make_user(first_name="Rosa", last_name="Peer"))
    assert profile.slug == "rosa-peer-2"


def test_author_profile_needs_a_name():
    with pytest.raises(ValidationError):
        author_profile_for(make_user(first_name="", last_name=""))


def test_existing_author_profile_is_reused():
    user = make_user(first_name="A", last_name="B")
    assert author_profile_for(user) == author_profile_for(user)
    assert Author.objects.filter(user=user).count() == 1


def test_validator_accepts_real_images():
    for fmt in ("JPEG", "PNG", "GIF", "WEBP"):
        validate_image_file(uploaded_image(f"x.{fmt.lower()}", fmt=fmt, size=(20, 20)))


def test_validator_refuses_bombs_and_fakes():
    for upload in (fake_file("bomb.png", png_bomb()), fake_file("a.jpg", b"GIF89a nope")):
        with pytest.raises(ValidationError):
            validate_image_file(upload)


def test_validator_refuses_formats_browsers_do_not_need():
    with pytest.raises(ValidationError) as error:
        validate_image_file(uploaded_image("a.tif", fmt="TIFF", size=(20, 20)))
    assert error.value.code == "invalid_image_format"
