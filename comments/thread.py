"""What the comment section under a post shows: the thread, and the form (or a reply to one).

The post page includes ``comments/_section.html``; that template is the seam between the
blog and comments (the blog's page never imports this app, the section asks for this).
"""

from django.conf import settings

from comments.forms import CommentForm
from comments.models import Comment
from comments.services import can_reply_to, comments_are_open
from core.params import parse_id


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


def section_context(request, post, form=None):
    """The thread and the form under a post: one query for all its approved comments.

    ``form`` is a bound form coming back with errors; without one, ``?replytocom=<id>``
    (WordPress's reply links) chooses the comment being replied to.
    """
    comments = list(
        Comment.objects.approved()
        .filter(post=post)
        .only("pk", "parent_id", "depth", "author_name", "author_url", "body", "submitted_at")
        .order_by("submitted_at", "pk")
    )
    roots, nodes = build_thread(comments)
    is_open = comments_are_open(post)
    replying_to = None
    if is_open:
        if form is None:
            node = nodes.get(parse_id(request.GET.get("replytocom")) if request else None)
            if node and node.can_reply:
                replying_to = node.comment
            form = CommentForm(post=post, initial={"parent": replying_to.pk if replying_to else ""})
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
