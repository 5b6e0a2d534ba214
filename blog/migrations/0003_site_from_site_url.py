"""The redirects framework needs the Site with SITE_ID; name it after SITE_URL."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations


def create_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    domain = urlsplit(settings.SITE_URL).netloc or "localhost"
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.SITE_NAME}
    )
    # An explicit pk does not move the id sequence; reset it as django.contrib.sites does.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Site]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0002_post_permissions_image_validation"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(create_site, migrations.RunPython.noop)]
