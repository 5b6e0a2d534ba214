"""Old post addresses keep working: a 301 from the previous URL to the new one.

django.contrib.redirects answers only when a page would otherwise be a 404, so a post that
later takes an old address simply wins over the redirect. Edits (one address) and the
WordPress import (thousands) go through the same rule: no chains, no loops.
"""

from django.conf import settings
from django.contrib.redirects.models import Redirect


def remember_old_path(old_path, new_path, site_id=None):
    """Redirect ``old_path`` to ``new_path`` without chains and without loops."""
    remember_old_paths({old_path: new_path}, site_id)


def _final(path, pairs):
    seen = set()
    while path in pairs and path not in seen:
        seen.add(path)
        path = pairs[path]
    return path


def remember_old_paths(pairs, site_id=None):
    """Redirect each old path of ``{old: new}`` to its new path; a handful of queries."""
    # Within the batch too: A→B and B→C become A→C and B→C.
    pairs = {old: _final(new, pairs) for old, new in pairs.items()}
    pairs = {old: new for old, new in pairs.items() if old != new}
    if not pairs:
        return
    redirects = Redirect.objects.filter(site_id=site_id or settings.SITE_ID)
    # No chains: whatever pointed at an old address now points straight at its new one.
    pointing = list(redirects.filter(new_path__in=list(pairs)))
    for redirect in pointing:
        redirect.new_path = pairs[redirect.new_path]
    Redirect.objects.bulk_update(pointing, ["new_path"])
    # No loops: the new addresses are live, so nothing may send readers away from them.
    redirects.filter(old_path__in=set(pairs.values())).delete()
    existing = {r.old_path: r for r in redirects.filter(old_path__in=list(pairs))}
    for old, redirect in existing.items():
        redirect.new_path = pairs[old]
    Redirect.objects.bulk_update(list(existing.values()), ["new_path"])
    Redirect.objects.bulk_create(
        Redirect(site_id=site_id or settings.SITE_ID, old_path=old, new_path=new)
        for old, new in pairs.items()
        if old not in existing
    )


def redirect_changed_post_url(sender, instance, **kwargs):
    """pre_save receiver: a published post whose address changes leaves a redirect behind.

    A signal rather than code in Post.save() because restoring a revision saves the post
    without calling save(), and that can change the address too.
    """
    if instance.pk is None:
        return
    old = (
        sender._default_manager.filter(pk=instance.pk)
        .values_list("status", "slug", "publish_at")
        .first()
    )
    if old is None or old[0] != sender.Status.PUBLISHED:
        return
    old_path = sender(slug=old[1], publish_at=old[2]).get_absolute_url()
    remember_old_path(old_path, instance.get_absolute_url())
