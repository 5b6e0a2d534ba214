from django.utils.translation import gettext_lazy as _

from comments import erasure


class CommentSource:
    key = "comments"
    label = _("Comments")

    def find(self, email):
        comments = (
            erasure.by_email(email).select_related("post", "page").order_by("submitted_at", "pk")
        )
        return [erasure.describe(comment) for comment in comments]

    def erase(self, email, *, keep_comment_text=False, **options):
        return erasure.erase(email, keep_text=keep_comment_text)
