from django import template
from django.conf import settings

from comments.forms import CommentForm
from comments.models import Comment
from comments.rendering import render_body
from comments.services import can_reply_to, comments_are_open
from inpud.params import parse_id

register = template.Library()


class Node:
    __slots__ = ("comment", "children", "can_reply")

    def __init__(self, comment):
        self.comment = comment
        self.children = []
        self.can_reply = can_reply_to(comment)


def build_thread(comments):
    """Nest approved comments under their parents, oldest first, in Python (no query).

    A reply whose parent is not approved (held, removed) is shown at the top level, so
    every approved comment counted on the page is also visible.
    """
    nodes = {comment.pk: Node(comment) for comment in comments}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.comment.parent_id)
        (parent.children if parent else roots).append(node)
    return roots, nodes


@register.filter
def comment_html(text):
    return render_body(text)


@register.inclusion_tag("comments/_thread_section.html", takes_context=True)
def comment_section(context, post):
    """The thread and the form under a post: one query for all its approved comments."""
    request = context.get("request")
    comments = list(
        Comment.objects.approved()
        .for_object(post)
        .only(
            "pk",
            "parent_id",
            "depth",
            "author_name",
            "author_url",
            "body",
            "submitted_at",
        )
        .order_by("submitted_at", "pk")
    )
    roots, nodes = build_thread(comments)
    is_open = comments_are_open(post)
    form = context.get("comment_form")
    replying_to = None
    if is_open:
        if form is None:
            node = nodes.get(parse_id(request.GET.get("replytocom")) if request else None)
            if node and node.can_reply:
                replying_to = node.comment
            form = CommentForm(
                target=post, initial={"parent": replying_to.pk if replying_to else ""}
            )
        else:
            node = nodes.get(parse_id(form["parent"].value()))
            replying_to = node.comment if node and node.can_reply else None
    return {
        "post": post,
        "roots": roots,
        "count": len(comments),
        "is_open": is_open,
        "form": form,
        "replying_to": replying_to,
        "retention_days": settings.COMMENTS_METADATA_RETENTION_DAYS,
    }


@register.inclusion_tag("comments/admin/_pending_notice.html", takes_context=True)
def pending_comments_notice(context):
    """The size of the moderation queue, for the admin index (one count query)."""
    request = context.get("request")
    if request is None or not request.user.has_perm("comments.view_comment"):
        return {"count": 0}
    return {"count": Comment.objects.pending().count()}
