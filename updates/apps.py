from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class UpdatesConfig(AppConfig):
    name = "updates"
    verbose_name = _("Campaign updates")

    def ready(self):
        from campaigns.signals import unsubscribed
        from core.roles import groups_syncer
        from outbox import signals
        from updates import roles, sending, tracking

        signals.status_changed.connect(tracking.follow_message, dispatch_uid="updates-follow")
        unsubscribed.connect(tracking.cancel_for_unsubscribed, dispatch_uid="updates-cancel")
        signals.sweep.connect(sending.resume_stalled, dispatch_uid="updates-resume")
        post_migrate.connect(groups_syncer(roles.GROUPS), sender=self, weak=False)
