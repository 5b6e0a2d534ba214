import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from outbox.models import Message
from tests.blog.factories import make_staff, make_user
from tests.campaigns.factories import make_campaign, make_supporter
from tests.updates.factories import make_update, send_everything
from updates.models import Update

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/updates/update/"


@pytest.fixture(autouse=True)
def db_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CAMPAIGN_UPDATES_PER_MINUTE = 600_000


def _sender(client):
    user = make_staff("Campaign update senders", author=False, email="sender@example.org")
    client.force_login(user)
    return user


def test_the_role_holds_the_send_permission():
    group = Group.objects.get(name="Campaign update senders")
    assert group.permissions.filter(codename="send_update").exists()


def test_staff_write_an_update_and_it_remembers_who(client):
    user = _sender(client)
    campaign = make_campaign()
    response = client.post(
        "/admin/updates/update/add/",
        {"campaign": campaign.pk, "subject": "Hello", "body": "News.", "language": ""},
    )
    assert response.status_code == 302, response.content
    assert Update.objects.get().created_by == user


def test_a_preview_goes_to_the_staff_member_only(client):
    _sender(client)
    campaign = make_campaign()
    make_supporter(campaign, wants_updates=True)
    update = make_update(campaign, subject="Soon")
    response = client.post(CHANGELIST, {"action": "preview_to_me", "_selected_action": [update.pk]})
    assert response.status_code == 302
    message = Message.objects.get()
    assert (message.to, message.subject) == ("sender@example.org", "[Preview] Soon")
    update.refresh_from_db()
    assert update.status == Update.Status.DRAFT


def test_send_asks_for_confirmation_then_queues_with_progress_columns(client):
    _sender(client)
    campaign = make_campaign()
    for _ in range(3):
        make_supporter(campaign, wants_updates=True)
    update = make_update(campaign)
    data = {"action": "send", "_selected_action": [update.pk]}
    response = client.post(CHANGELIST, data)
    assert response.status_code == 200
    assert b"Send these updates?" in response.content
    assert b"<td>3</td>" in response.content  # recipients
    assert Update.objects.get().status == Update.Status.DRAFT
    response = client.post(CHANGELIST, {**data, "confirm": "yes"})
    assert response.status_code == 302
    assert Update.objects.get().status == Update.Status.QUEUEING
    send_everything()
    assert len(mail.outbox) == 3
    page = client.get(CHANGELIST).content.decode()
    assert 'class="field-sent">3<' in page and 'class="field-failed">0<' in page
    # Sent: every field is read-only now.
    change = client.get(reverse("admin:updates_update_change", args=[update.pk]))
    assert b'name="subject"' not in change.content


def test_without_the_permission_there_is_no_send_action(client):
    user = make_staff(perms=["updates.change_update", "updates.view_update"], author=False)
    client.force_login(user)
    update = make_update(make_campaign())
    response = client.post(
        CHANGELIST, {"action": "send", "_selected_action": [update.pk], "confirm": "yes"}
    )
    assert Update.objects.get().status == Update.Status.DRAFT
    assert response.status_code in (200, 302)
    assert b'value="send"' not in client.get(CHANGELIST).content


def test_a_sent_update_cannot_be_sent_again(client):
    _sender(client)
    update = make_update(make_campaign(), status=Update.Status.QUEUED)
    client.post(CHANGELIST, {"action": "send", "_selected_action": [update.pk], "confirm": "yes"})
    assert Message.objects.count() == 0


def test_a_superuser_sees_the_list(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    make_update(make_campaign())
    assert client.get(CHANGELIST).status_code == 200
