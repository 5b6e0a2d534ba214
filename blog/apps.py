from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        from blog import (
            revisions,  # noqa: F401  (registers Post with django-reversion)
            roles,
        )
        from blog.models import Post
        from blog.navigation import posts_changed
        from blog.redirects import redirect_changed_post_url
        from core.roles import groups_syncer

        pre_save.connect(redirect_changed_post_url, sender=Post, dispatch_uid="blog-post-redirect")
        post_save.connect(posts_changed, sender=Post, dispatch_uid="blog-navigation-save")
        post_delete.connect(posts_changed, sender=Post, dispatch_uid="blog-navigation-delete")
        post_migrate.connect(groups_syncer(roles.GROUPS), sender=self, weak=False)
