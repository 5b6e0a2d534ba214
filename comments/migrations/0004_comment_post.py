"""Comments belong to posts through a plain foreign key instead of a generic relation (1/3).

The new column comes first; 0005 fills it, 0006 drops the generic relation. Three steps,
because PostgreSQL refuses to alter a table in the transaction that just updated its rows.
"""


import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0007_post_comment_count"),
        ("comments", "0003_translatable_field_names"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="post",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="comments",
                to="blog.post",
                verbose_name="post",
            ),
        ),
        # The reverse step needs the old columns to accept values again.
        migrations.AlterField(
            model_name="comment",
            name="object_id",
            field=models.PositiveBigIntegerField(null=True, verbose_name="object id"),
        ),
        migrations.AlterField(
            model_name="comment",
            name="content_type",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                to="contenttypes.contenttype",
                verbose_name="content type",
            ),
        ),
    ]
