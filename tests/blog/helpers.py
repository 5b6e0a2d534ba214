"""Shared bits for the public-page tests."""

import io

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile

from blog.models import Post
from comments.models import Comment
from tests.blog.factories import make_user


def image_file(name="picture.jpg", size=(640, 360)):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "#6b1d5e").save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name=name)


def make_editor(**kwargs):
    """A staff account that may change and publish any post, as the Editor role does."""
    user = make_user(is_staff=True, **kwargs)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="blog", codename__in=["change_post", "publish_post"]
        )
    )
    return user


def add_comments(post, count, status=Comment.Status.APPROVED):
    content_type = ContentType.objects.get_for_model(Post)
    Comment.objects.bulk_create(
        Comment(
            content_type=content_type,
            object_id=post.pk,
            author_name=f"Reader {i}",
            author_email=f"reader{i}@example.org",
            body="Thank you for this.",
            status=status,
        )
        for i in range(count)
    )
