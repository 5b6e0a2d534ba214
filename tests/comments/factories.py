"""Small factory functions for comments (see tests/blog/factories.py for posts and users)."""

import itertools

from django.contrib.auth.models import Permission
from django.utils import timezone

from comments.counts import refresh_comment_counts
from comments.models import Comment
from tests.blog.factories import make_user

_seq = itertools.count(1)


def make_comment(item, **kwargs):
    """A comment on ``item``, a post or a page."""
    n = next(_seq)
    parent = kwargs.get("parent")
    kwargs.setdefault("author_name", f"Reader {n}")
    kwargs.setdefault("author_email", f"reader{n}@example.org")
    kwargs.setdefault("body", f"Comment number {n}.")
    kwargs.setdefault("status", Comment.Status.APPROVED)
    kwargs.setdefault("submitted_at", timezone.now())
    kwargs.setdefault("depth", parent.depth + 1 if parent else 0)
    return Comment.objects.create(**{Comment.item_field(item): item}, **kwargs)


def make_moderator(**kwargs):
    """A staff user with the permission to change comments (as the Moderator group gives)."""
    user = make_user(is_staff=True, **kwargs)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="comments", codename="change_comment"),
        Permission.objects.get(content_type__app_label="comments", codename="view_comment"),
    )
    return user


def form_data(**overrides):
    data = {
        "name": "Ana Reader",
        "email": "ana@example.org",
        "website": "",
        "body": "Thank you for this post.",
        "parent": "",
        "leave_empty": "",
    }
    data.update(overrides)
    return data


def add_comments(item, count, status=Comment.Status.APPROVED):
    """``count`` top-level comments on ``item`` (a post or a page) in one insert."""
    field = Comment.item_field(item)
    Comment.objects.bulk_create(
        Comment(
            **{field: item},
            author_name=f"Reader {i}",
            author_email=f"reader{i}@example.org",
            body="Thank you for this.",
            status=status,
        )
        for i in range(count)
    )
    refresh_comment_counts(**{f"{field}_ids": [item.pk]})  # bulk_create sends no signals
