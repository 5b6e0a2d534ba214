"""Staff roles as groups: Author, Editor, Moderator.

Permissions are normally created after all migrations ran (post_migrate); they are created
here first so the groups can be filled on a fresh database. Admin code enforces the parts a
permission cannot express (Authors only touch their own drafts).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Author": [
        "blog.add_post",
        "blog.change_post",
        "blog.delete_post",
        "blog.view_post",
        "blog.view_category",
        "taggit.add_tag",
        "taggit.view_tag",
    ],
    "Editor": [
        "blog.add_post",
        "blog.change_post",
        "blog.delete_post",
        "blog.view_post",
        "blog.publish_post",
        "blog.add_category",
        "blog.change_category",
        "blog.delete_category",
        "blog.view_category",
        "blog.add_author",
        "blog.change_author",
        "blog.delete_author",
        "blog.view_author",
        "taggit.add_tag",
        "taggit.change_tag",
        "taggit.delete_tag",
        "taggit.view_tag",
        "taggit.add_taggeditem",
        "taggit.change_taggeditem",
        "taggit.delete_taggeditem",
        "taggit.view_taggeditem",
        "redirects.add_redirect",
        "redirects.change_redirect",
        "redirects.delete_redirect",
        "redirects.view_redirect",
    ],
    "Moderator": [
        "comments.view_comment",
        "comments.change_comment",
    ],
}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0003_site_from_site_url"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("comments", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
