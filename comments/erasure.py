"""A person's comments, found by their email address: to show, export or erase them."""

from django.db import transaction
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from comments.counts import refresh_comment_counts
from comments.models import Comment

# The name kept on a comment whose author was erased (stored as is, in the site's language).
ANONYMOUS = "Anonymous"
REMOVED_TEXT = _("This comment was removed at its author's request.")


def by_email(email):
    """Every comment sent with this address, whatever its status (case-insensitive)."""
    return Comment.objects.alias(email_upper=Upper("author_email")).filter(
        email_upper=email.upper()
    )


def describe(comment) -> dict:
    """One comment as the person sees it; ``post`` or ``page`` names where it is."""
    return {
        Comment.item_field(comment.item): comment.item.title,
        "submitted": comment.submitted_at.isoformat(),
        "status": comment.status,
        "name": comment.author_name,
        "email": comment.author_email,
        "website": comment.author_url,
        "comment": comment.body,
    }


def erase(email, *, keep_text: bool) -> int:
    """Erase the address from every comment it sent; returns how many comments.

    ``keep_text``: the comments stay, under "Anonymous", with email, website, IP hash and
    browser cleared. Otherwise they are deleted, except those others replied to: those keep
    their place in the thread under "Anonymous" with their text replaced (deleting them
    would delete other people's replies).
    """
    with transaction.atomic():
        comments = by_email(email).select_for_update()
        rows = list(comments.values_list("pk", "post_id", "page_id"))
        pks = {pk for pk, _post, _page in rows}
        blank = {
            "author_name": ANONYMOUS,
            "author_email": "",
            "author_url": "",
            "ip_hash": "",
            "user_agent": "",
            "fingerprint": None,
        }
        if keep_text:
            Comment.objects.filter(pk__in=pks).update(**blank)
        else:
            replied = _with_replies_of_others(pks)
            Comment.objects.filter(pk__in=replied).update(**blank, body=str(REMOVED_TEXT))
            # Deepest first, so a reply of theirs to their own comment goes before it.
            Comment.objects.filter(pk__in=pks - replied).order_by("-depth").delete()
        refresh_comment_counts({post for _, post, _ in rows}, {page for _, _, page in rows})
    return len(pks)


def _with_replies_of_others(pks):
    """Those of ``pks`` with a reply, at any depth, that is not among ``pks``."""
    children = list(Comment.objects.filter(parent_id__in=pks).values_list("pk", "parent_id"))
    kept = {parent for pk, parent in children if pk not in pks}
    while True:  # a reply of theirs that is kept keeps its parent too
        more = {parent for pk, parent in children if pk in kept} - kept
        if not more:
            return kept
        kept |= more
