"""Staff roles are groups whose permissions the apps declare in code.

Each app names the permissions it gives to a role (``blog/roles.py`` gives Authors and
Editors theirs, ``comments/roles.py`` the Moderators'), and keeps the group in step after
every ``migrate``, including on a fresh database and after a test flush. Permissions staff
add to a group by hand are kept: syncing only adds what is missing.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q


def sync_groups(groups):
    """Create each group and give it at least the listed ``app_label.codename`` permissions."""
    for name, dotted_names in groups.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = Q()
        for dotted in dotted_names:
            app_label, codename = dotted.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(Permission.objects.filter(wanted))
        if len(permissions) != len(set(dotted_names)):
            found = {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
            missing = sorted(set(dotted_names) - found)
            raise LookupError(f"Role {name!r} names unknown permissions: {missing}")
        group.permissions.add(*permissions)


def groups_syncer(groups):
    """A post_migrate receiver that syncs ``groups`` (connect it with the app as sender)."""

    def receiver(**kwargs):
        sync_groups(groups)

    return receiver


def staff_with_permission(app_label, codename):
    """Active staff with an email who hold this permission: directly, through a group, or as
    superusers (who gets a notice: moderators, the contact inbox)."""
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=permission)
            | Q(groups__permissions__in=permission)
        )
        .exclude(email="")
        .distinct()
    )
