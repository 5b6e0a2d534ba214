from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PersonalDataConfig(AppConfig):
    name = "personaldata"
    verbose_name = _("Personal data")

    def ready(self):
        from core.roles import groups_syncer
        from personaldata import roles

        post_migrate.connect(groups_syncer(roles.GROUPS), sender=self, weak=False)
