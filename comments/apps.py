from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from comments import roles
        from comments.counts import comment_changed
        from comments.models import Comment
        from core.roles import groups_syncer

        post_save.connect(comment_changed, sender=Comment, dispatch_uid="comments-count-save")
        post_delete.connect(comment_changed, sender=Comment, dispatch_uid="comments-count-delete")
        post_migrate.connect(groups_syncer(roles.GROUPS), sender=self, weak=False)
