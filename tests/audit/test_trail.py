"""The audit trail: what it records, who may read it, and how long it is kept."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone

from audit.models import Event
from audit.trail import record
from blog.models import Post
from tests.blog.factories import make_editor, make_post, make_staff, make_user, post_form_data
from tests.campaigns.factories import make_campaign, make_supporter

pytestmark = pytest.mark.django_db

Action = Event.Action


@pytest.fixture
def superuser(client):
    user = make_user(username="boss", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def events(action):
    return list(Event.objects.filter(action=action).order_by("pk"))


def user_form(user, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "groups": [g.pk for g in user.groups.all()],
        "user_permissions": [p.pk for p in user.user_permissions.all()],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_an_export_of_supporters_is_recorded(client, superuser):
    campaign = make_campaign(title="Peace now")
    supporters = [make_supporter(campaign) for _ in range(3)]
    response = client.post(
        "/admin/campaigns/supporter/",
        {"action": "export_csv", "_selected_action": [s.pk for s in supporters]},
        REMOTE_ADDR="203.0.113.5",
    )
    assert response.status_code == 200
    (event,) = events(Action.SUPPORTERS_EXPORTED)
    assert event.actor == superuser
    assert event.details == {"count": 3, "campaigns": ["Peace now"]}
    assert len(event.ip_hash) == 64 and "203.0.113.5" not in str(event.__dict__)


def test_a_role_change_in_the_admin_is_recorded_with_who_made_it(client, superuser):
    staff = make_staff(username="kofi")
    editors = Group.objects.get(name="Editor")
    response = client.post(
        f"/admin/auth/user/{staff.pk}/change/", user_form(staff, groups=[editors.pk])
    )
    assert response.status_code == 302, response.text
    (event,) = [e for e in events(Action.GROUPS_CHANGED) if e.actor_id]
    assert (event.actor, event.subject) == (superuser, staff)
    assert event.details == {"added": ["Editor"]}

    client.post(
        f"/admin/auth/user/{staff.pk}/change/", user_form(staff, groups=[], is_superuser="on")
    )
    assert events(Action.GROUPS_CHANGED)[-1].details == {"removed": ["Editor"]}
    flags = events(Action.ACCOUNT_CHANGED)[-1]
    assert flags.details == {"is_superuser": [False, True]}
    assert flags.actor == superuser


def test_permission_changes_are_recorded_from_either_side(superuser):
    staff = make_staff(username="kofi")
    export = Permission.objects.get(codename="export_supporters")
    staff.user_permissions.add(export)
    export.user_set.remove(staff)
    group = Group.objects.create(name="Helpers")
    group.permissions.add(export)
    changes = [(e.subject_id, e.target_repr, e.details) for e in events(Action.PERMISSIONS_CHANGED)]
    assert changes[-3:] == [
        (staff.pk, "", {"added": ["campaigns.export_supporters"]}),
        (staff.pk, "", {"removed": ["campaigns.export_supporters"]}),
        (None, "Helpers", {"added": ["campaigns.export_supporters"]}),
    ]


def test_publishing_and_unpublishing_are_recorded(client):
    editor = make_editor()
    client.force_login(editor)
    post = make_post(status=Post.Status.DRAFT, title="Naloxone")
    for action in ("publish", "unpublish"):
        client.post("/admin/blog/post/", {"action": action, "_selected_action": [post.pk]})
    recorded = [(e.action, e.actor_id, e.target_repr) for e in Event.objects.filter(
        action__in=[Action.POST_PUBLISHED, Action.POST_UNPUBLISHED]
    ).order_by("pk")]  # fmt: skip
    assert recorded == [
        (Action.POST_PUBLISHED, editor.pk, "Naloxone"),
        (Action.POST_UNPUBLISHED, editor.pk, "Naloxone"),
    ]


def test_saving_the_post_form_records_a_status_change_only(client):
    editor = make_staff("Editor", username="ed")
    client.force_login(editor)
    data = post_form_data(title="Fresh", slug="fresh", status="published")
    assert client.post("/admin/blog/post/add/", data).status_code == 302
    post = Post.objects.get(slug="fresh")
    assert [e.target_id for e in events(Action.POST_PUBLISHED)] == [str(post.pk)]
    client.post(f"/admin/blog/post/{post.pk}/change/", {**data, "title": "Fresh again"})
    assert len(events(Action.POST_PUBLISHED)) == 1
    client.post(f"/admin/blog/post/{post.pk}/change/", {**data, "status": "draft"})
    assert len(events(Action.POST_UNPUBLISHED)) == 1


def test_record_takes_actor_subject_target_and_details():
    actor, subject = make_user(username="a"), make_user(username="s")
    post = make_post(title="Target")
    event = record(Action.PERSONAL_DATA_EXPORTED, user=actor, subject=subject, target=post, rows=2)
    assert (event.actor_name, event.subject_name) == ("a", "s")
    assert (event.target_type, event.target_id, event.target_repr) == (
        "blog.post",
        str(post.pk),
        "Target",
    )
    assert event.details == {"rows": 2}
    with pytest.raises(ValueError):
        record("made_up", user=None)


def test_only_superusers_read_the_trail_and_nobody_changes_it(client, superuser):
    event = record(Action.LOGIN_FAILED, user=None)
    assert client.get("/admin/audit/event/").status_code == 200
    assert client.get(f"/admin/audit/event/{event.pk}/change/").status_code == 200
    assert client.get("/admin/audit/event/add/").status_code == 403
    assert client.post(f"/admin/audit/event/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()

    editor = make_staff("Editor", perms=["audit.view_event"])
    client.force_login(editor)
    assert client.get("/admin/audit/event/").status_code == 403
    assert "audit" not in client.get("/admin/").text.lower()


def test_old_events_are_purged_by_the_daily_command(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    old = record(Action.LOGIN_FAILED, user=None)
    Event.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=31))
    kept = record(Action.LOGIN_FAILED, user=None)
    assert "purge_audit_events" in settings.DAILY_COMMANDS
    call_command("daily")
    assert list(Event.objects.filter(pk__in=[old.pk, kept.pk])) == [kept]
