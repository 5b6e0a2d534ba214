"""Staff roles (Author, Editor, Moderator) were created here.

They are now declared by each app (blog/roles.py, comments/roles.py) and kept in step after
every migrate by core.roles, so this migration does nothing. It stays so that databases
that ran it and fresh ones share one history.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("blog", "0003_site_from_site_url")]

    operations = []
