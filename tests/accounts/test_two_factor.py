"""The second step: setting up an authenticator at first login, codes, recovery codes."""

import re
import time
from types import SimpleNamespace

import pytest
from django.contrib.auth import SESSION_KEY
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import pending
from audit.models import Event
from tests.accounts.factories import (
    PASSWORD,
    code_at,
    fresh_code,
    key_from_secret,
    log_in_with_password,
    make_enrolled_staff,
    now_step,
)
from tests.blog.factories import make_staff

pytestmark = pytest.mark.django_db

WRONG = "That code is not right, has expired or was already used."


def secret_on(page):
    return re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page.text).group(1)


def enter_code(client, code, url="/admin/login/code/"):
    return client.post(url, {"code": code})


def admin_is_open(client):
    return client.get("/admin/").status_code == 200


def test_a_new_editor_sets_up_an_authenticator_at_first_login(client, two_factor_required):
    editor = make_staff("Editor", username="new", password=PASSWORD)
    response = log_in_with_password(client, "new")
    assert response["Location"] == "/admin/login/set-up/"
    assert SESSION_KEY not in client.session  # nobody is logged in yet
    assert not admin_is_open(client)

    page = client.get("/admin/login/set-up/")
    assert page.status_code == 200
    assert "<svg" in page.text and "otp-qr" in page.text  # the QR code is drawn here
    assert "http" not in page.text.split('class="otp-qr"')[1].split("</svg>")[0]
    key = key_from_secret(secret_on(page))
    assert client.get("/admin/login/set-up/").text.count(secret_on(page)) == 1  # same secret

    response = enter_code(client, code_at(key, now_step()), "/admin/login/set-up/")
    assert response["Location"] == "/admin/account/two-factor/recovery-codes/"
    assert client.session[SESSION_KEY] == str(editor.pk)
    codes = client.get(response["Location"])
    assert "no-store" in codes["Cache-Control"]
    assert len(re.findall(r"<li><code>[a-z2-7]{4}-[a-z2-7]{4}</code></li>", codes.text)) == 10
    # Shown once only.
    assert "<li><code>" not in client.get("/admin/account/two-factor/recovery-codes/").text
    assert admin_is_open(client)
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert Event.objects.filter(action=Event.Action.TWO_FACTOR_ENROLLED, subject=editor).exists()


def test_a_wrong_code_at_set_up_sets_nothing_up(client, two_factor_required):
    make_staff("Editor", username="new", password=PASSWORD)
    log_in_with_password(client, "new")
    client.get("/admin/login/set-up/")
    response = enter_code(client, "000000", "/admin/login/set-up/")
    assert response.status_code == 200
    assert "That code is not right" in response.text
    assert SESSION_KEY not in client.session
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_a_secret_shown_to_another_login_can_never_be_confirmed(client, two_factor_required):
    """Two logins with the password: only the newest set-up page's secret counts."""
    make_staff("Editor", username="new", password=PASSWORD)
    log_in_with_password(client, "new")
    first = key_from_secret(secret_on(client.get("/admin/login/set-up/")))
    other = client.__class__()
    log_in_with_password(other, "new")
    other.get("/admin/login/set-up/")
    response = enter_code(client, code_at(first, now_step()), "/admin/login/set-up/")
    assert SESSION_KEY not in client.session
    assert response.status_code == 200


def test_with_an_authenticator_the_password_alone_never_opens_the_admin(client):
    """Even where the setting leaves it optional, an account with a second factor needs it."""
    user, device, _codes = make_enrolled_staff(username="mai")
    response = log_in_with_password(client, "mai")
    assert response["Location"] == "/admin/login/code/"
    assert not admin_is_open(client)
    assert client.post("/ckeditor5/image_upload/").status_code == 403

    response = enter_code(client, fresh_code(device))
    assert response["Location"] == "/admin/"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert admin_is_open(client)


def test_the_next_address_survives_the_code_step(client):
    _user, device, _codes = make_enrolled_staff(username="mai")
    client.post("/admin/login/?next=/admin/blog/post/", {"username": "mai", "password": PASSWORD})
    response = enter_code(client, fresh_code(device))
    assert response["Location"] == "/admin/blog/post/"


def test_a_replayed_code_is_refused(client):
    _user, device, _codes = make_enrolled_staff(username="mai")
    log_in_with_password(client, "mai")
    code = fresh_code(device)
    assert enter_code(client, code).status_code == 302
    client.post("/admin/logout/")
    log_in_with_password(client, "mai")
    response = enter_code(client, code)
    assert response.status_code == 200
    assert WRONG in response.text
    assert SESSION_KEY not in client.session


def test_an_expired_code_is_refused(client):
    _user, device, _codes = make_enrolled_staff(username="mai")
    log_in_with_password(client, "mai")
    response = enter_code(client, code_at(device.bin_key, now_step() - 5))
    assert WRONG in response.text
    assert SESSION_KEY not in client.session


def test_a_recovery_code_works_once(client):
    _user, _device, codes = make_enrolled_staff(username="mai")
    log_in_with_password(client, "mai")
    spaced = f" {codes[0][:4].upper()}-{codes[0][4:]} "  # as people type it
    response = enter_code(client, spaced)
    assert response["Location"] == "/admin/"
    assert "9 are left" in client.get("/admin/").text
    client.post("/admin/logout/")

    log_in_with_password(client, "mai")
    response = enter_code(client, codes[0])
    assert WRONG in response.text
    assert SESSION_KEY not in client.session
    assert enter_code(client, codes[1]).status_code == 302


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_code_step_without_the_password_step_is_a_clear_page(client, method):
    _user, device, _codes = make_enrolled_staff(username="mai")
    response = getattr(client, method)("/admin/login/code/", {"code": fresh_code(device)})
    assert response.status_code == 400
    assert "Please log in again" in response.text
    assert SESSION_KEY not in client.session
    device.refresh_from_db()
    assert device.last_t == -1  # the code was not even checked


def test_set_up_without_the_password_step_is_a_clear_page(client, two_factor_required):
    assert client.get("/admin/login/set-up/").status_code == 400
    assert not TOTPDevice.objects.exists()


def test_the_code_step_expires(client, settings, monkeypatch):
    _user, device, _codes = make_enrolled_staff(username="mai")
    log_in_with_password(client, "mai")
    later = time.time() + settings.ACCOUNTS_LOGIN_STEP_MINUTES * 60 + 1
    monkeypatch.setattr(pending, "time", SimpleNamespace(time=lambda: later))
    response = enter_code(client, fresh_code(device))
    assert response.status_code == 400
    assert SESSION_KEY not in client.session


def test_a_password_change_between_the_steps_voids_the_code_step(client):
    user, device, _codes = make_enrolled_staff(username="mai")
    log_in_with_password(client, "mai")
    user.set_password("another-long-password")
    user.save()
    assert enter_code(client, fresh_code(device)).status_code == 400
    assert SESSION_KEY not in client.session


def test_codes_are_throttled_per_account_even_with_the_right_code(client, settings):
    _user, device, _codes = make_enrolled_staff(username="mai")
    log_in_with_password(client, "mai")
    for _ in range(settings.ACCOUNTS_CODE_ATTEMPTS):
        assert WRONG in enter_code(client, "000000").text
    response = enter_code(client, fresh_code(device))
    assert response.status_code == 429
    assert "Too many attempts" in response.text
    assert SESSION_KEY not in client.session
    device.refresh_from_db()
    assert device.last_t == -1  # refused before the code was checked
    # A fresh password step does not reset the count for the account.
    client.post("/admin/logout/")
    log_in_with_password(client, "mai")
    assert enter_code(client, fresh_code(device)).status_code == 429


@pytest.mark.parametrize("code", ["", "x" * 500, "12\x0034", "١٢٣٤٥٦", "<script>"])
def test_odd_codes_get_the_form_back_not_a_500(client, code):
    make_enrolled_staff(username="mai")
    log_in_with_password(client, "mai")
    client.raise_request_exception = False
    response = enter_code(client, code)
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
