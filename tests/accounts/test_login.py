"""The password step: throttled before the password is checked, one answer for every name."""

import re

import pytest
from django.contrib.auth import SESSION_KEY

from audit.models import Event
from tests.accounts.factories import PASSWORD, log_in_with_password
from tests.blog.factories import make_staff

pytestmark = pytest.mark.django_db

LOCKED = "Too many attempts. To protect staff accounts, logging in is paused"


@pytest.fixture
def editor():
    return make_staff("Editor", username="mai", password=PASSWORD)


def comparable(response, username):
    """The page without what legitimately differs: the CSRF token and the name typed."""
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.text)
    return text.replace(f'value="{username}"', 'value="…"')


def test_the_right_password_logs_in_when_no_second_factor_is_due(client, editor):
    response = log_in_with_password(client, "mai")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.session[SESSION_KEY] == str(editor.pk)


def test_the_login_page_keeps_the_admin_look_and_offers_a_password_reset(client):
    html = client.get("/admin/login/").text
    assert 'id="login-form"' in html
    assert 'href="/admin/password-reset/"' in html


def test_after_the_limit_even_the_right_password_is_refused_without_hashing(
    client, editor, settings, hashings
):
    for _ in range(settings.ACCOUNTS_LOGIN_ATTEMPTS):
        assert log_in_with_password(client, "mai", "wrong").status_code == 200
    assert len(hashings) == settings.ACCOUNTS_LOGIN_ATTEMPTS
    hashings.clear()

    response = log_in_with_password(client, "mai", PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.text
    assert "try again in" in response.text
    assert SESSION_KEY not in client.session
    assert hashings == []  # refused before authenticate(): no password hashing at all
    assert 'value="mai"' in response.text  # the form keeps the name typed


def test_an_unknown_account_gets_exactly_the_same_answers(client, editor, settings):
    answers = {}
    for name in ("mai", "nobody-here"):
        pages = [log_in_with_password(client, name, "wrong") for _ in range(6)]
        answers[name] = [(r.status_code, comparable(r, name)) for r in pages]
    assert answers["mai"] == answers["nobody-here"]
    assert [status for status, _ in answers["mai"]] == [200] * 5 + [429]


def test_a_success_clears_the_account_count(client, editor, settings):
    for _ in range(settings.ACCOUNTS_LOGIN_ATTEMPTS - 1):
        log_in_with_password(client, "mai", "wrong")
    assert log_in_with_password(client, "mai").status_code == 302
    client.logout()
    for _ in range(settings.ACCOUNTS_LOGIN_ATTEMPTS - 1):
        log_in_with_password(client, "mai", "wrong")
    assert log_in_with_password(client, "mai").status_code == 302


def test_names_are_counted_whatever_their_case(client, editor, settings):
    for name in ["MAI", "Mai", " mai", "mAi", "mai"]:
        log_in_with_password(client, name, "wrong")
    assert log_in_with_password(client, "mai").status_code == 429


def test_one_sender_trying_many_accounts_is_locked_too(client, settings, hashings):
    settings.ACCOUNTS_LOGIN_IP_ATTEMPTS = 8
    make_staff(username="real", password=PASSWORD)
    for n in range(8):
        assert log_in_with_password(client, f"guess{n}", "wrong").status_code == 200
    hashings.clear()
    response = log_in_with_password(client, "real", PASSWORD)
    assert response.status_code == 429
    assert hashings == []


def test_other_senders_are_not_locked_by_one_senders_guesses(client, settings):
    settings.ACCOUNTS_LOGIN_IP_ATTEMPTS = 3
    make_staff(username="real", password=PASSWORD)
    for n in range(3):
        log_in_with_password(client, f"guess{n}", "wrong", REMOTE_ADDR="203.0.113.9")
    assert log_in_with_password(client, "real", REMOTE_ADDR="198.51.100.7").status_code == 302


def test_the_audit_trail_keeps_logins_with_an_ip_hash_never_the_ip(client, editor):
    log_in_with_password(client, "mai", "wrong", REMOTE_ADDR="203.0.113.77")
    log_in_with_password(client, "nobody", "wrong", REMOTE_ADDR="203.0.113.77")
    log_in_with_password(client, "mai", REMOTE_ADDR="203.0.113.77")
    logins = [Event.Action.LOGIN_FAILED, Event.Action.LOGIN_SUCCEEDED]
    events = list(Event.objects.filter(action__in=logins).order_by("pk"))
    actions = [(e.action, e.subject_id) for e in events]
    assert actions == [
        (Event.Action.LOGIN_FAILED, editor.pk),
        (Event.Action.LOGIN_FAILED, None),
        (Event.Action.LOGIN_SUCCEEDED, editor.pk),
    ]
    assert len({e.ip_hash for e in events}) == 1 and len(events[0].ip_hash) == 64
    stored = " ".join(str(value) for e in events for value in e.__dict__.values())
    assert "203.0.113.77" not in stored
    assert "nobody" not in stored  # a name with no account is not kept (it may be a password)


def test_throttled_attempts_are_in_the_audit_trail(client, editor, settings):
    for _ in range(settings.ACCOUNTS_LOGIN_ATTEMPTS + 2):
        log_in_with_password(client, "mai", "wrong")
    throttled = Event.objects.filter(action=Event.Action.LOGIN_THROTTLED)
    assert throttled.count() == 2
    assert {e.subject_id for e in throttled} == {editor.pk}


@pytest.mark.parametrize(
    "data",
    [
        {"username": "mai\x00", "password": "x"},
        {"username": "m" * 5000, "password": "x"},
        {"username": "", "password": ""},
        {"password": PASSWORD},
        {},
    ],
)
def test_odd_login_forms_get_a_page_not_a_500(client, editor, data):
    client.raise_request_exception = False
    response = client.post("/admin/login/", data)
    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_a_non_staff_account_cannot_log_in(client):
    from tests.blog.factories import make_user

    make_user(username="reader", password=PASSWORD)
    response = log_in_with_password(client, "reader")
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
