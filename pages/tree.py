"""Addresses follow the tree: a page's path is its parent's plus its slug.

Signals rather than Page.save(), because restoring a revision saves without calling save().
A published page that moves or is renamed leaves a 301 behind for its old address and for
those of every page below it (blog/redirects.py: no chains, no loops).
"""

from django.utils import timezone

from blog.redirects import remember_old_paths
from pages.models import Page


def _path_of(page):
    parent_path = ""
    if page.parent_id is not None:
        parent_path = (
            type(page)._default_manager.values_list("path", flat=True).get(pk=page.parent_id)
        )
    return f"{parent_path}/{page.slug}".strip("/")


def note_old_path(sender, instance, raw=False, **kwargs):
    """pre_save: derive the path, and remember the old one."""
    instance._old = None
    if instance.pk is not None:
        instance._old = (
            sender._default_manager.filter(pk=instance.pk).values("path", "status").first()
        )
    instance.path = _path_of(instance)


def path_changed(sender, instance, raw=False, **kwargs):
    """post_save: move the pages below, and redirect the old addresses of published ones."""
    old = getattr(instance, "_old", None)
    if raw or old is None or old["path"] == instance.path:
        return
    below = list(sender._default_manager.filter(path__startswith=old["path"] + "/"))
    moves = {}
    if old["status"] == sender.Status.PUBLISHED:
        moves[f"/{old['path']}/"] = instance.get_absolute_url()
    for page in below:
        new_path = instance.path + page.path[len(old["path"]) :]
        if page.status == sender.Status.PUBLISHED:
            moves[f"/{page.path}/"] = f"/{new_path}/"
        page.path = new_path
    sender._default_manager.bulk_update(below, ["path"])
    remember_old_paths(moves)


def next_scheduled_publish():
    return (
        Page.objects.filter(status=Page.Status.PUBLISHED, publish_at__gt=timezone.now())
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
