"""Role and permission changes, wherever they are made (admin, shell, a migration).

Group membership and permissions are many-to-many relations, so ``m2m_changed`` sees every
change from either side (``user.groups.add(g)`` and ``g.user_set.add(u)``). The staff,
superuser and active flags are compared before and after each save of a user.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_save, pre_save

from audit.trail import Action, current_user, record

FLAGS = ("is_staff", "is_superuser", "is_active")
_CHANGES = {"post_add": "added", "post_remove": "removed", "pre_clear": "removed"}


def _permission_names(permissions):
    return sorted(
        f"{p.content_type.app_label}.{p.codename}"
        for p in permissions.select_related("content_type")
    )


def _related(instance, model, pk_set, attname):
    """The objects added or removed: pk_set, or (clear) everything related now."""
    if pk_set is None:
        return getattr(instance, attname).all()
    return model.objects.filter(pk__in=pk_set)


def user_groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in _CHANGES or pk_set == set():
        return
    change = _CHANGES[action]
    if reverse:  # group.user_set.add(...): instance is the group
        for user in _related(instance, model, pk_set, "user_set"):
            record(
                Action.GROUPS_CHANGED,
                user=current_user(),
                subject=user,
                **{change: [instance.name]},
            )
    else:
        names = sorted(g.name for g in _related(instance, model, pk_set, "groups"))
        record(Action.GROUPS_CHANGED, user=current_user(), subject=instance, **{change: names})


def user_permissions_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in _CHANGES or pk_set == set():
        return
    change = _CHANGES[action]
    if reverse:  # permission.user_set.add(...)
        name = _permission_names(Permission.objects.filter(pk=instance.pk))
        for user in _related(instance, model, pk_set, "user_set"):
            record(Action.PERMISSIONS_CHANGED, user=current_user(), subject=user, **{change: name})
    else:
        names = _permission_names(_related(instance, model, pk_set, "user_permissions"))
        record(Action.PERMISSIONS_CHANGED, user=current_user(), subject=instance, **{change: names})


def group_permissions_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in _CHANGES or pk_set == set():
        return
    change = _CHANGES[action]
    if reverse:  # permission.group_set.add(...)
        name = _permission_names(Permission.objects.filter(pk=instance.pk))
        for group in _related(instance, model, pk_set, "group_set"):
            record(Action.PERMISSIONS_CHANGED, user=current_user(), target=group, **{change: name})
    else:
        names = _permission_names(_related(instance, model, pk_set, "permissions"))
        record(Action.PERMISSIONS_CHANGED, user=current_user(), target=instance, **{change: names})


def remember_flags(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & set(FLAGS):
        return  # e.g. the last_login update at every login
    instance._audit_flags = sender.objects.filter(pk=instance.pk).values(*FLAGS).first()


def compare_flags(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    now = {flag: getattr(instance, flag) for flag in FLAGS}
    if created:
        if instance.is_staff or instance.is_superuser:
            record(
                Action.ACCOUNT_CHANGED, user=current_user(), subject=instance, created=True, **now
            )
        return
    before = getattr(instance, "_audit_flags", None)
    if before is None:
        return
    del instance._audit_flags
    changed = {flag: [before[flag], now[flag]] for flag in FLAGS if before[flag] != now[flag]}
    if changed:
        record(Action.ACCOUNT_CHANGED, user=current_user(), subject=instance, **changed)


def connect():
    User = get_user_model()
    m2m_changed.connect(
        user_groups_changed, sender=User.groups.through, dispatch_uid="audit-groups"
    )
    m2m_changed.connect(
        user_permissions_changed, sender=User.user_permissions.through, dispatch_uid="audit-uperms"
    )
    m2m_changed.connect(
        group_permissions_changed, sender=Group.permissions.through, dispatch_uid="audit-gperms"
    )
    pre_save.connect(remember_flags, sender=User, dispatch_uid="audit-flags-before")
    post_save.connect(compare_flags, sender=User, dispatch_uid="audit-flags-after")
