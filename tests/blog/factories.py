"""Small factory functions with keyword defaults (no factory_boy needed)."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from blog.models import Author, Category, Post

_seq = itertools.count(1)


def make_user(**kwargs):
    n = next(_seq)
    kwargs.setdefault("username", f"user{n}")
    kwargs.setdefault("email", f"user{n}@example.org")
    password = kwargs.pop("password", "pw")
    user = get_user_model().objects.create_user(password=password, **kwargs)
    return user


def make_author(**kwargs):
    n = next(_seq)
    user = kwargs.pop("user", None) or make_user()
    kwargs.setdefault("display_name", f"Author {n}")
    kwargs.setdefault("slug", f"author-{n}")
    return Author.objects.create(user=user, **kwargs)


def make_category(**kwargs):
    n = next(_seq)
    kwargs.setdefault("name", f"Category {n}")
    kwargs.setdefault("slug", f"category-{n}")
    return Category.objects.create(**kwargs)


def make_post(*, categories=(), tags=(), **kwargs):
    n = next(_seq)
    kwargs.setdefault("title", f"Post number {n}")
    kwargs.setdefault("slug", f"post-number-{n}")
    kwargs.setdefault("author", None)
    if kwargs["author"] is None:
        kwargs["author"] = make_author()
    kwargs.setdefault("status", Post.Status.PUBLISHED)
    kwargs.setdefault("publish_at", timezone.now() - timedelta(days=1, minutes=n))
    kwargs.setdefault("body", f"<p>Body of post {n} about harm reduction.</p>")
    post = Post.objects.create(**kwargs)
    if categories:
        post.categories.set(categories)
    if tags:
        post.tags.set(list(tags))
    return post


def make_staff(role=None, *, author=True, perms=(), **kwargs):
    """A staff user in the named group (Author, Editor, Moderator), with an author profile."""
    kwargs.setdefault("first_name", "Sam")
    kwargs.setdefault("last_name", "Writer")
    user = make_user(is_staff=True, **kwargs)
    if role:
        user.groups.add(Group.objects.get(name=role))
    for dotted in perms:
        app_label, codename = dotted.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    if author:
        make_author(user=user)
    return user


def make_editor(**kwargs):
    """A staff account in the Editor role, without an author profile of its own."""
    return make_staff("Editor", author=False, **kwargs)


def post_form_data(**overrides):
    """The fields the post admin form submits, with sensible defaults."""
    data = {
        "title": "A new post",
        "slug": "a-new-post",
        "status": "draft",
        "publish_at_0": "2025-01-10",
        "publish_at_1": "10:00:00",
        "excerpt": "",
        "body": "<p>Peer-led harm reduction.</p>",
        "featured_image_alt": "",
        "featured_image_credit": "",
        "featured_image_credit_url": "",
        "new_tags": "",
        "allow_comments": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
