from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages")

    def ready(self):
        import blog.search
        import blog.sitemaps
        from blog.navigation import content_changed
        from core.roles import groups_syncer
        from pagecache import generations
        from pages import revisions, roles, search, sitemaps, tree
        from pages.models import Page

        revisions.register()
        pre_save.connect(tree.note_old_path, sender=Page, dispatch_uid="pages-old-path")
        post_save.connect(tree.path_changed, sender=Page, dispatch_uid="pages-path-changed")
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=Page, dispatch_uid=f"pages-site-{signal}")
        generations.register_schedule(tree.next_scheduled_publish)
        # Pages in the blog's search results and sitemap (blog stays unaware of pages).
        blog.search.register_source(search.matching_pages)
        blog.sitemaps.sitemaps["pages"] = sitemaps.PageSitemap
        post_migrate.connect(groups_syncer(roles.GROUPS), sender=self, weak=False)
