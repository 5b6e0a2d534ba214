"""A superuser resets a staff member's second factor; nobody can read others' secrets."""

import pytest
from django.contrib import admin
from django.contrib.auth import SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Event
from tests.accounts.factories import (
    fresh_code,
    log_in_with_password,
    make_enrolled_staff,
    verified_login,
)
from tests.blog.factories import make_staff, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/auth/user/"


def reset(client, *users):
    return client.post(
        CHANGELIST,
        {"action": "reset_two_factor", "_selected_action": [u.pk for u in users]},
        follow=True,
    )


def test_a_superuser_resets_a_lost_phone_and_ends_its_sessions(client, two_factor_required):
    lost, device, codes = make_enrolled_staff(username="lost")
    thief = client.__class__()
    verified_login(thief, lost, device)
    boss = make_user(is_staff=True, is_superuser=True)
    verified_login(client, boss)

    response = reset(client, lost)
    assert "Two-factor authentication reset for 1 account" in response.text
    assert not TOTPDevice.objects.filter(user=lost).exists()
    assert not StaticDevice.objects.filter(user=lost).exists()
    assert thief.get("/admin/").status_code == 302  # logged out everywhere
    event = Event.objects.get(action=Event.Action.TWO_FACTOR_RESET)
    assert (event.actor, event.subject) == (boss, lost)

    # The next login sets up a new authenticator; the old phone and codes are worthless.
    fresh = client.__class__()
    assert log_in_with_password(fresh, "lost")["Location"] == "/admin/login/set-up/"
    assert fresh.post("/admin/login/code/", {"code": codes[0]}).status_code == 400
    assert SESSION_KEY not in fresh.session


def test_only_superusers_may_reset(client):
    target, _device, _codes = make_enrolled_staff(username="target")
    manager = make_staff(perms=["auth.view_user", "auth.change_user"])
    client.force_login(manager)
    assert "reset_two_factor" not in client.get(CHANGELIST).text
    reset(client, target)
    assert TOTPDevice.objects.filter(user=target).exists()


def test_the_user_list_shows_who_has_two_factor(client, admin_user):
    make_enrolled_staff(username="enrolled")
    make_staff(username="password-only")
    client.force_login(admin_user)
    html = client.get(CHANGELIST).text
    assert "field-two_factor" in html
    assert html.count('alt="True"') >= 1 and html.count('alt="False"') >= 2


def test_the_device_admins_are_gone_so_nobody_reads_anothers_secret(client, admin_user):
    assert not admin.site.is_registered(TOTPDevice)
    assert not admin.site.is_registered(StaticDevice)
    user, device, _codes = make_enrolled_staff(username="mai")
    client.force_login(admin_user)
    page = client.get(f"/admin/auth/user/{user.pk}/change/").text
    assert device.key not in page
    assert fresh_code(device) not in page
