"""What the comment section under a post or a page shows: the thread, and the form (or a
reply to one).

The post page includes ``comments/_section.html`` and the page view the ``comment_section``
tag; that tag is the seam between comments and the blog and pages (neither imports this
app: the section asks for this).
"""

from django.conf import settings
from django.http import Http404
from django.urls import reverse

from comments.forms import CommentForm
from comments.models import Comment
from comments.paging import page_holding, parents_and_roots, root_of
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


def section_context(request, item, form=None):
    """The thread and the form under a post or page, one page of top-level threads at a time.

    Threads are kept whole: a page holds ``COMMENTS_THREADS_PER_PAGE`` top-level comments
    with all their replies (``?cpage=N``, WordPress's parameter; ``?replytocom`` opens the
    page of the comment being replied to). One query when the post's stored count fits on
    one page; otherwise (and always on a page, which keeps no count) one light query for the
    shape of the thread and one for the page.

    ``form`` is a bound form coming back with errors; without one, ``?replytocom=<id>``
    (WordPress's reply links) chooses the comment being replied to.
    """
    get = request.GET if request else {}
    reply_id = parse_id(form["parent"].value() if form is not None else get.get("replytocom"))
    comments, count, pages = _page_of_comments(item, get.get("cpage"), reply_id)
    roots, nodes = build_thread(comments)
    is_open = comments_are_open(item)
    replying_to = None
    node = nodes.get(reply_id)
    if is_open:
        if node and node.can_reply:
            replying_to = node.comment
        if form is None:
            form = CommentForm(item=item, initial={"parent": replying_to.pk if replying_to else ""})
    on_page = Comment.item_field(item) == "page"
    return {
        "item": item,
        "action": reverse(
            "comments:page-comment" if on_page else "comments:post-comment", args=[item.pk]
        ),
        "feed_url": None if on_page else reverse("comments:post-feed", args=[item.pk]),
        "roots": roots,
        "count": count,
        "pages": pages,
        "is_open": is_open,
        "form": form,
        "replying_to": replying_to,
        "retention_days": settings.COMMENTS_METADATA_RETENTION_DAYS,
    }


COLUMNS = ("pk", "parent_id", "depth", "author_name", "author_url", "body", "submitted_at")


def _page_of_comments(item, cpage, reply_id):
    """(approved comments of the page, approved count, page numbers) for one post or page."""
    approved = Comment.objects.approved().on(item).order_by("submitted_at", "pk")
    per_page = settings.COMMENTS_THREADS_PER_PAGE
    stored_count = getattr(item, "comment_count", None)  # posts only
    if cpage is None and stored_count is not None and stored_count <= per_page:
        comments = list(approved.only(*COLUMNS))  # fewer comments than threads per page
        return comments, len(comments), None
    shape = list(approved.values_list("pk", "parent_id"))
    parents, roots = parents_and_roots(shape)
    if not roots:
        return [], 0, None
    last = (len(roots) - 1) // per_page + 1
    if cpage is None:
        number = page_holding(reply_id, parents, roots, per_page) or 1
    elif (number := parse_id(cpage)) is None or not 1 <= number <= last:
        raise Http404("No such page of comments")
    page_roots = set(roots[(number - 1) * per_page : number * per_page])
    wanted = [pk for pk, _parent in shape if root_of(pk, parents) in page_roots]
    comments = list(approved.filter(pk__in=wanted).only(*COLUMNS))
    pages = {"number": number, "last": last} if last > 1 else None
    return comments, len(shape), pages
