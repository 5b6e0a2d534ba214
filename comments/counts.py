"""What changes when comments change: each post's count, and the cached pages showing them.

Post.comment_count holds a post's approved comments: lists show "3 Comments" on every card,
and storing the number on the post means no page counts anything. It is recomputed (never
incremented), so a bulk moderation, an import or a deleted reply all leave the exact number.
The post's page and the comment feeds are cached under their own generations, bumped here
with COMMENTS (the posts of list pages, kept with their counts); whole list pages in the page
cache show the new count when their entry ends (PAGE_CACHE_SECONDS). Pages (the app) keep no
count: nothing lists them with one; only their address's generation and the feed are bumped.
"""

from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from blog.models import Post
from comments.models import Comment
from core.language import in_every_language
from pagecache import generations
from pages.models import Page


def refresh_comment_counts(post_ids=(), page_ids=()):
    """Recount the approved comments of these posts; show the change on them and these pages."""
    post_ids = sorted(set(post_ids) - {None})
    page_ids = sorted(set(page_ids) - {None})
    if not post_ids and not page_ids:
        return
    approved = (
        Comment.objects.approved()
        .filter(post=OuterRef("pk"))
        .order_by()
        .values("post")
        .annotate(n=Count("pk"))
        .values("n")
    )
    with transaction.atomic():
        # Lock the posts first (in id order, so two refreshes cannot deadlock): the UPDATE
        # then starts after any concurrent refresh has committed, and counts its comments.
        locked = Post.objects.select_for_update().filter(pk__in=post_ids).order_by("pk")
        list(locked.values_list("pk", flat=True))
        Post.objects.filter(pk__in=post_ids).update(comment_count=Coalesce(Subquery(approved), 0))
    posts = Post.objects.filter(pk__in=post_ids).only("slug", "publish_at", "language")
    addresses = [post.get_absolute_url() for post in posts]
    addresses += [page.get_absolute_url() for page in Page.objects.filter(pk__in=page_ids)]
    addresses += in_every_language("comments:feed")
    addresses += [url for pk in post_ids for url in in_every_language("comments:post-feed", pk)]
    generations.bump(generations.COMMENTS, *map(generations.path_name, addresses))


def comment_changed(sender, instance, **kwargs):
    """post_save / post_delete receiver: one comment was stored, changed or deleted."""
    if kwargs.get("raw"):
        return  # loaddata: the fixture brings its own counts
    refresh_comment_counts([instance.post_id], [instance.page_id])
