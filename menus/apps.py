from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class MenusConfig(AppConfig):
    name = "menus"
    verbose_name = _("Menus and site text")

    def ready(self):
        from blog.navigation import content_changed
        from core.roles import groups_syncer
        from menus import roles
        from menus.models import Menu, MenuItem, SiteLink, SiteText

        post_migrate.connect(groups_syncer(roles.GROUPS), sender=self, weak=False)

        # Every public page shows the menus and the site text: cached pages go stale.
        for model in (Menu, MenuItem, SiteText, SiteLink):
            for signal in (post_save, post_delete):
                signal.connect(content_changed, sender=model, weak=False)
