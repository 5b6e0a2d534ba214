"""Staff sessions: verified by a code when required, ended when idle, too old, or when the
password or the second factor changes."""

import time
from types import SimpleNamespace

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session

from accounts import sessions
from blog.models import Post
from tests.accounts.factories import (
    PASSWORD,
    fresh_code,
    log_in_with_password,
    make_enrolled_staff,
    verified_login,
)
from tests.blog.factories import make_post, make_staff
from tests.core.factories import uploaded_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def later(monkeypatch):
    """Move the clock the session rules read to ``seconds`` after the test started."""
    start = time.time()

    def move(seconds):
        monkeypatch.setattr(sessions, "time", SimpleNamespace(time=lambda: start + seconds))

    return move


@pytest.fixture
def editor():
    return make_staff("Editor", username="mai", password=PASSWORD)


def test_without_a_verified_session_every_staff_view_is_closed(client, editor, two_factor_required):
    draft = make_post(status=Post.Status.DRAFT)
    client.force_login(editor)  # a password-only session, as a stolen password would give
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert client.get("/admin/blog/post/")["Location"].startswith("/admin/login/")
    assert client.post("/ckeditor5/image_upload/", {"upload": uploaded_image()}).status_code == 403
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert SESSION_KEY not in client.session


def test_a_verified_session_opens_them(client, editor, two_factor_required):
    draft = make_post(status=Post.Status.DRAFT)
    verified_login(client, editor)
    assert client.get("/admin/").status_code == 200
    assert client.post("/ckeditor5/image_upload/", {"upload": uploaded_image()}).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_a_session_ends_after_the_idle_time(client, editor, settings, later):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    later(settings.ACCOUNTS_SESSION_IDLE_MINUTES * 60 + 5)
    response = client.get("/admin/", follow=True)
    assert "You were logged out after a while without activity" in response.text
    assert SESSION_KEY not in client.session


def test_activity_keeps_a_session_alive_until_its_maximum_age(client, editor, settings, later):
    client.force_login(editor)
    idle = settings.ACCOUNTS_SESSION_IDLE_MINUTES * 60
    elapsed = 0
    while elapsed + idle - 60 < settings.ACCOUNTS_SESSION_MAX_HOURS * 3600:
        elapsed += idle - 60
        later(elapsed)
        assert client.get("/admin/").status_code == 200
    later(settings.ACCOUNTS_SESSION_MAX_HOURS * 3600 + 1)
    assert client.get("/admin/").status_code == 302
    assert SESSION_KEY not in client.session


def test_a_session_without_our_clock_is_ended(client, editor):
    client.force_login(editor)
    session = client.session
    del session[sessions.LOGIN_AT]
    session.save()
    assert client.get("/admin/").status_code == 302


def test_changing_the_password_ends_the_other_sessions(client, editor):
    other = client.__class__()
    other.force_login(editor)
    client.force_login(editor)
    response = client.post(
        "/admin/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-brand-new-long-password",
            "new_password2": "a-brand-new-long-password",
        },
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert other.get("/admin/").status_code == 302


def test_new_recovery_codes_end_the_other_sessions(client, two_factor_required):
    user, device, old_codes = make_enrolled_staff(username="mai")
    other = client.__class__()
    verified_login(other, user, device)
    verified_login(client, user, device)
    response = client.post("/admin/account/two-factor/new-recovery-codes/")
    assert response["Location"] == "/admin/account/two-factor/recovery-codes/"
    page = client.get(response["Location"]).text
    assert old_codes[0][:4] not in page
    assert client.get("/admin/").status_code == 200
    assert other.get("/admin/").status_code == 302
    # The old codes stop working.
    third = client.__class__()
    log_in_with_password(third, "mai")
    assert third.post("/admin/login/code/", {"code": old_codes[0]}).status_code == 200


def test_moving_to_a_new_authenticator_ends_the_other_sessions(client, two_factor_required):
    from tests.accounts.factories import code_at, key_from_secret, now_step
    from tests.accounts.test_two_factor import secret_on

    user, device, _codes = make_enrolled_staff(username="mai")
    other = client.__class__()
    verified_login(other, user, device)
    verified_login(client, user, device)
    page = client.get("/admin/account/two-factor/set-up/")
    key = key_from_secret(secret_on(page))
    response = client.post("/admin/account/two-factor/set-up/", {"code": code_at(key, now_step())})
    assert response["Location"] == "/admin/account/two-factor/recovery-codes/"
    assert client.get("/admin/").status_code == 200  # this session moved to the new one
    assert other.get("/admin/").status_code == 302
    # The old phone no longer works.
    third = client.__class__()
    log_in_with_password(third, "mai")
    old_code = code_at(device.bin_key, now_step() + 1)
    assert third.post("/admin/login/code/", {"code": old_code}).status_code == 200
    assert SESSION_KEY not in third.session


def test_ending_other_sessions_also_ends_a_half_done_login(client, two_factor_required):
    user, device, _codes = make_enrolled_staff(username="mai")
    half = client.__class__()
    log_in_with_password(half, "mai")
    verified_login(client, user, device)
    assert sessions.end_other_sessions(user, keep=client.session.session_key) == 1
    assert half.post("/admin/login/code/", {"code": fresh_code(device)}).status_code == 400
    assert Session.objects.count() == 1


def test_the_security_page_tells_what_is_set_up(client, two_factor_required):
    user, device, _codes = make_enrolled_staff(username="mai")
    verified_login(client, user, device)
    page = client.get("/admin/account/two-factor/").text
    assert "You have 10 unused recovery codes." in page
    assert 'href="/admin/account/two-factor/"' in client.get("/admin/").text  # in the user links
