"""What every page's navigation needs: the category tree (read once per request) and the
archive months (cached, since counting them reads every published post)."""

from django.core.cache import cache

from blog.models import Category, Post
from blog.tree import CategoryTree

# Archive months may lag a scheduled post's appearance by this long; saves refresh at once.
ARCHIVE_CACHE_SECONDS = 300
_VERSION_KEY = "blog:posts-version"


def category_tree(request=None):
    """The tree for this request, fetched at most once however many parts of the page ask."""
    tree = getattr(request, "_blog_category_tree", None)
    if tree is None:
        tree = CategoryTree(list(Category.objects.all()))
        if request is not None:
            request._blog_category_tree = tree
    return tree


def archive_months():
    """Months with published posts, newest first, with their counts."""
    key = f"blog:archive-months:{cache.get_or_set(_VERSION_KEY, 1, None)}"
    months = cache.get(key)
    if months is None:
        months = list(Post.objects.published().month_counts())
        cache.set(key, months, ARCHIVE_CACHE_SECONDS)
    return months


def posts_changed(**kwargs):
    """Signal receiver: a post was saved or deleted, so cached navigation is stale."""
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(_VERSION_KEY, 2, None)
