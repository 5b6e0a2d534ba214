"""What every page's navigation needs: the category tree (kept until the content changes), the
archive months, and when cached pages showing them go stale."""

from django.utils import timezone

from blog.models import Category, Post
from blog.tree import CategoryTree
from pagecache import generations
from pagecache.fragments import cached_value


def category_tree(request=None):
    """The tree for this request, fetched at most once however many parts of the page ask."""
    tree = getattr(request, "_blog_category_tree", None)
    if tree is None:
        categories = cached_value(
            request, "categories", lambda: list(Category.objects.all()),
            generation=generations.SITE,
        )  # fmt: skip
        tree = CategoryTree(categories)
        if request is not None:
            request._blog_category_tree = tree
    return tree


def archive_months(request=None):
    """Months with published posts, newest first, with their counts: one GROUP BY query
    over every published post, kept until what is published (or when) changes."""

    def count():
        return list(Post.objects.published().month_counts())

    return cached_value(request, "archive-months", count, generation=generations.PUBLICATION)


def next_scheduled_publish():
    """When the next scheduled post appears by itself (pagecache bumps SITE then)."""
    return (
        Post.objects.filter(status=Post.Status.PUBLISHED, publish_at__gt=timezone.now())
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )


def publication_may_change(sender, instance, **kwargs):
    """pre_save receiver: note whether this save changes what is published, or when."""
    if instance.pk is None:
        instance._publication_changed = True
        return
    old = sender._default_manager.filter(pk=instance.pk).values("status", "publish_at").first()
    instance._publication_changed = old != {
        "status": instance.status,
        "publish_at": instance.publish_at,
    }


def publication_changed(sender, instance, **kwargs):
    """post_save and post_delete receiver."""
    if kwargs.get("raw"):
        return
    if getattr(instance, "_publication_changed", True):
        generations.bump(generations.PUBLICATION)


def content_changed(**kwargs):
    """Signal receiver: lists, navigation and every page showing this content are stale."""
    if kwargs.get("raw") or kwargs.get("action", "post_").startswith("pre_"):
        return
    generations.bump(generations.SITE)
