from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact messages")

    def ready(self):
        from contact import roles
        from core.roles import groups_syncer

        post_migrate.connect(groups_syncer(roles.GROUPS), sender=self, weak=False)
