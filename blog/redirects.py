"""Old post addresses keep working: a 301 from the previous URL to the new one.

django.contrib.redirects answers only when a page would otherwise be a 404, so a post that
later takes an old address simply wins over the redirect.
"""

from django.conf import settings
from django.contrib.redirects.models import Redirect


def remember_old_path(old_path, new_path, site_id=None):
    """Redirect ``old_path`` to ``new_path`` without chains and without loops."""
    if old_path == new_path:
        return
    redirects = Redirect.objects.filter(site_id=site_id or settings.SITE_ID)
    # No chains: whatever pointed at the old address now points straight at the new one.
    redirects.filter(new_path=old_path).update(new_path=new_path)
    # No loops: the new address is live, so nothing may send readers away from it.
    redirects.filter(old_path=new_path).delete()
    Redirect.objects.update_or_create(
        site_id=site_id or settings.SITE_ID, old_path=old_path, defaults={"new_path": new_path}
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
