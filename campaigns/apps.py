from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self):
        from campaigns import roles
        from campaigns.models import Campaign, CampaignDocument
        from core.roles import groups_syncer
        from pagecache import generations

        def content_changed(**kwargs):
            # Campaigns show in lists, on linked posts and in navigation.
            if not kwargs.get("raw"):
                generations.bump(generations.SITE)

        for model in (Campaign, CampaignDocument):
            for signal in (post_save, post_delete):
                signal.connect(content_changed, sender=model, weak=False)
        # A document dated in the future appears on its day, with every cache on.
        generations.register_schedule(CampaignDocument.objects.next_publication)
        post_migrate.connect(groups_syncer(roles.GROUPS), sender=self, weak=False)
