"""Workflows of the staff side that span models."""

import reversion
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from audit.trail import Action, record
from blog.models import Author, Post

MISSING_PROFILE = _(
    "Your account has no public author profile yet. Add your first and last name to your "
    "account, or ask an editor to create an author profile for you."
)


def can_make_author_profile(user):
    return hasattr(user, "author_profile") or bool(user.get_full_name().strip())


def author_profile_for(user):
    """The user's public author profile, made from their full name on first use.

    Never made from the login username: usernames must not appear on public pages.
    """
    try:
        return user.author_profile
    except Author.DoesNotExist:
        pass
    name = user.get_full_name().strip()
    if not name:
        raise ValidationError(MISSING_PROFILE, code="no_author_profile")
    base = slugify(name)[:90] or "author"
    for n in range(1, 100):
        slug = base if n == 1 else f"{base}-{n}"
        if Author.objects.filter(slug=slug).exists():
            continue
        try:
            with transaction.atomic():
                return Author.objects.create(user=user, display_name=name, slug=slug)
        except IntegrityError:
            # Another request took this slug, or made this user's profile, just now.
            existing = Author.objects.filter(user=user).first()
            if existing:
                return existing
    raise ValidationError(MISSING_PROFILE, code="no_author_profile")


def record_status_change(post, user):
    """The audit trail keeps every publishing and unpublishing, and who did it."""
    published = post.status == Post.Status.PUBLISHED
    record(Action.POST_PUBLISHED if published else Action.POST_UNPUBLISHED, user=user, target=post)


def set_status(posts, status, user, on_change=None):
    """Publish or unpublish many posts; returns (changed, already in that status).

    One revision per post, so restoring one post never touches the others; the publish
    date is kept. ``on_change(post)`` runs inside each post's revision (the admin logs it).
    """
    changed = 0
    for post in posts.exclude(status=status).select_related("author"):
        post.status = status
        with reversion.create_revision():
            reversion.set_user(user)
            post.save()
            record_status_change(post, user)
            if on_change:
                on_change(post)
        changed += 1
    return changed, posts.count() - changed
