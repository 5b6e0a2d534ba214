"""Comment submission and moderation: the rules WordPress applies, in one place.

No comment is published on the strength of its email address: anyone can type any address,
so "already has an approved comment" would let a stranger publish as that person, and the
different answer would tell anyone whether an address has commented here. Every comment
that is not spam waits for a moderator, and every sender gets the same answer.

The raw IP address is used only while the request runs (to hash it and to match the
spam/hold lists); it is never stored, logged or sent anywhere.
"""

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from comments.counts import refresh_comment_counts
from comments.models import Comment
from core.clientip import hash_ip
from core.roles import staff_with_permission
from core.siteurl import absolute_url
from outbox.api import enqueue
from pages.models import Page

logger = logging.getLogger(__name__)


class SubmissionRefused(Exception):
    """Nothing was stored; the view explains why."""


class RateLimited(SubmissionRefused):
    pass


class DuplicateComment(SubmissionRefused):
    pass


def comments_are_open(item) -> bool:
    """Whether this post or page takes comments now.

    A post closes after COMMENTS_CLOSE_AFTER_DAYS; a page takes them while staff have them
    switched on and it is public (a page's comments are an invitation, not news that ages).
    """
    if not item.allow_comments:
        return False
    if isinstance(item, Page):
        return item.is_public
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    return not days or item.publish_at >= timezone.now() - timedelta(days=days)


def can_reply_to(comment) -> bool:
    return comment.depth + 1 < settings.COMMENTS_MAX_DEPTH


def fingerprint(item, parent, email, body) -> str:
    key = "\x1f".join(
        [
            Comment.item_field(item),
            str(item.pk),
            str(parent.pk if parent else ""),
            email.strip().casefold(),
            " ".join(body.split()),
        ]
    )
    return hashlib.sha256(key.encode()).hexdigest()


def _matches(words, haystack):
    return any(word.casefold() in haystack for word in words)


def classify(*, name, email, url, body, ip, user_agent, honeypot_filled) -> str:
    """The status a new comment gets: spam or pending (never approved: see the module)."""
    if honeypot_filled:
        return Comment.Status.SPAM
    haystack = "\n".join([name, email, url, body, ip, user_agent]).casefold()
    if _matches(settings.COMMENTS_SPAM_WORDS, haystack):
        return Comment.Status.SPAM
    return Comment.Status.PENDING


# PostgreSQL advisory locks share one key space: the first key says "comment senders".
ADVISORY_LOCK_NAMESPACE = 3001


def _lock_sender(ip_hash):
    """Serialise submissions from one sender until the transaction ends (exact rate limit)."""
    key = int.from_bytes(bytes.fromhex(ip_hash[:8]), "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [ADVISORY_LOCK_NAMESPACE, key])


def submit_comment(
    *, item, parent, name, email, url, body, ip, user_agent, honeypot_filled=False
) -> Comment:
    """Store a comment on ``item`` (a post or a page) with the status the moderation rules
    give it.

    Raises RateLimited or DuplicateComment, storing nothing, when the sender has sent too
    many comments lately or already sent this one. Moderators' emails about a held comment
    are queued in the outbox in the same transaction.
    """
    ip_hash = hash_ip(ip)
    user_agent = "".join(ch for ch in user_agent if ch.isprintable())[:200]
    status = classify(
        name=name,
        email=email,
        url=url,
        body=body,
        ip=ip,
        user_agent=user_agent,
        honeypot_filled=honeypot_filled,
    )
    now = timezone.now()
    with transaction.atomic():
        _lock_sender(ip_hash)
        window_start = now - timedelta(seconds=settings.COMMENTS_RATE_WINDOW_SECONDS)
        recent = Comment.objects.filter(ip_hash=ip_hash, submitted_at__gte=window_start).count()
        if recent >= settings.COMMENTS_RATE_LIMIT:
            raise RateLimited
        try:
            with transaction.atomic():
                comment = Comment.objects.create(
                    **{Comment.item_field(item): item},
                    parent=parent,
                    depth=parent.depth + 1 if parent else 0,
                    author_name=name,
                    author_email=email,
                    author_url=url,
                    body=body,
                    status=status,
                    submitted_at=now,
                    ip_hash=ip_hash,
                    user_agent=user_agent,
                    fingerprint=fingerprint(item, parent, email, body),
                )
        except IntegrityError as exc:
            if getattr(exc.__cause__, "diag", None) and (
                exc.__cause__.diag.constraint_name == "comment_unique_fingerprint"
            ):
                raise DuplicateComment from exc
            raise
        if status == Comment.Status.PENDING:
            notify_moderators(comment)
    return comment


def moderate(queryset, status, user) -> int:
    """Set the status of many comments at once, stamping who did it and when."""
    with transaction.atomic():
        items = list(queryset.values_list("post_id", "page_id"))
        changed = queryset.update(status=status, moderated_at=timezone.now(), moderated_by=user)
        refresh_comment_counts({post for post, _ in items}, {page for _, page in items})
    return changed


def moderators():
    """Active staff who may change comments, directly, through a group, or as superusers."""
    return staff_with_permission("comments", "change_comment")


def notify_moderators(comment):
    """Queue one plain-text email per moderator, so addresses are not shared between them."""
    recipients = list(moderators().values_list("email", flat=True))
    title = comment.item.title
    admin_url = absolute_url(reverse("admin:comments_comment_change", args=[comment.pk]))
    # A subject must be one line; titles come from staff but names from anyone.
    subject = _("New comment to moderate on “%(title)s”") % {"title": title}
    body = "\n".join(
        [
            _("A comment is waiting for moderation."),
            "",
            (_("Page: %(title)s") if comment.page_id else _("Post: %(title)s")) % {"title": title},
            _("Author: %(name)s") % {"name": comment.author_name},
            "",
            comment.body,
            "",
            _("Approve, mark as spam or remove it here:"),
            admin_url,
        ]
    )
    for address in recipients:
        enqueue(
            to=address,
            subject=subject,
            body=body,
            key=f"comment:{comment.pk}:moderator:{address.casefold()}",
            topic=f"comment:{comment.pk}",
        )
    logger.info("Queued %d moderation emails for comment %s", len(recipients), comment.pk)
