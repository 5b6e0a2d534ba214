from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        from taggit.models import Tag, TaggedItem

        from blog import (
            revisions,  # noqa: F401  (registers Post with django-reversion)
            roles,
        )
        from blog.models import Author, Category, Post
        from blog.navigation import (
            content_changed,
            next_scheduled_publish,
            publication_changed,
            publication_may_change,
        )
        from blog.redirects import redirect_changed_post_url
        from core.roles import groups_syncer
        from pagecache import generations

        pre_save.connect(redirect_changed_post_url, sender=Post, dispatch_uid="blog-post-redirect")
        # Anything lists, feeds and navigation show: cached pages and fragments go stale.
        for model in (Post, Category, Author, Tag, TaggedItem, Post.categories.through):
            for signal in (post_save, post_delete):
                signal.connect(content_changed, sender=model, weak=False)
        m2m_changed.connect(content_changed, sender=Post.categories.through, weak=False)
        pre_save.connect(publication_may_change, sender=Post, dispatch_uid="blog-publication")
        post_save.connect(publication_changed, sender=Post, dispatch_uid="blog-publication")
        post_delete.connect(publication_changed, sender=Post, dispatch_uid="blog-publication")
        generations.register_schedule(next_scheduled_publish)
        post_migrate.connect(groups_syncer(roles.GROUPS), sender=self, weak=False)
