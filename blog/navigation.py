"""What every page's navigation needs: the category tree (read once per request), the
archive months, and when cached pages showing them go stale."""

from django.utils import timezone

from blog.models import Category, Post
from blog.tree import CategoryTree
from pagecache import generations


def category_tree(request=None):
    """The tree for this request, fetched at most once however many parts of the page ask."""
    tree = getattr(request, "_blog_category_tree", None)
    if tree is None:
        tree = CategoryTree(list(Category.objects.all()))
        if request is not None:
            request._blog_category_tree = tree
    return tree


def archive_months():
    """Months with published posts, newest first, with their counts (one GROUP BY query;
    the sidebar that shows them is a cached fragment)."""
    return list(Post.objects.published().month_counts())


def next_scheduled_publish():
    """When the next scheduled post appears by itself (pagecache bumps SITE then)."""
    return (
        Post.objects.filter(status=Post.Status.PUBLISHED, publish_at__gt=timezone.now())
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )


def content_changed(**kwargs):
    """Signal receiver: lists, navigation and every page showing this content are stale."""
    if kwargs.get("raw") or kwargs.get("action", "post_").startswith("pre_"):
        return
    generations.bump(generations.SITE)
