"""Small factory functions with keyword defaults (no factory_boy needed)."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
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
