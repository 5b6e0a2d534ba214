from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0006_translatable_field_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="comment_count",
            field=models.PositiveIntegerField(
                default=0, editable=False, verbose_name="approved comments"
            ),
        ),
    ]
