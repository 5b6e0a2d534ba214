"""Comments belong to posts through a plain foreign key (2/3): fill Comment.post.

Every comment on a post keeps its thread, status and moderation stamps: only the way it
points at its post changes. A comment whose post no longer exists could not be shown
anywhere; such rows (there should be none) are deleted and counted. Post.comment_count is
filled from the approved comments.
"""

from django.db import migrations, models
from django.db.models.functions import Coalesce


def link_posts(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Post = apps.get_model("blog", "Post")
    post_type = ContentType.objects.filter(app_label="blog", model="post").first()
    if post_type is not None:
        Comment.objects.filter(
            content_type=post_type, object_id__in=Post.objects.values("pk")
        ).update(post_id=models.F("object_id"))
    orphans, _ = Comment.objects.filter(post__isnull=True).delete()
    if orphans:
        print(f"\n  comments: deleted {orphans} comments whose post no longer exists")
    approved = (
        Comment.objects.filter(status="approved", post=models.OuterRef("pk"))
        .order_by()
        .values("post")
        .annotate(n=models.Count("pk"))
        .values("n")
    )
    Post.objects.update(comment_count=Coalesce(models.Subquery(approved), 0))


def unlink_posts(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    ContentType = apps.get_model("contenttypes", "ContentType")
    post_type, _ = ContentType.objects.get_or_create(app_label="blog", model="post")
    Comment.objects.update(content_type=post_type, object_id=models.F("post_id"))


class Migration(migrations.Migration):
    dependencies = [("comments", "0004_comment_post")]

    operations = [migrations.RunPython(link_posts, unlink_posts)]
