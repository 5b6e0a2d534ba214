"""Comments belong to posts through a plain foreign key (3/3): drop the generic relation."""


import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("comments", "0005_link_comments_to_posts")]

    operations = [
        migrations.AlterField(
            model_name="comment",
            name="post",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="comments",
                to="blog.post",
                verbose_name="post",
            ),
        ),
        migrations.RemoveIndex(model_name="comment", name="comment_object_status_idx"),
        migrations.RemoveField(model_name="comment", name="content_type"),
        migrations.RemoveField(model_name="comment", name="object_id"),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(
                fields=["post", "status", "submitted_at"], name="comment_post_status_idx"
            ),
        ),
    ]
