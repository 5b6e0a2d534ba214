"""Password reset by email: staff only, one answer for every address, throttled, links that
work once, and never a way around the second factor."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import TestCase

from tests.accounts.factories import PASSWORD, log_in_with_password, make_enrolled_staff
from tests.blog.factories import make_staff, make_user

pytestmark = pytest.mark.django_db

NEW = "a-brand-new-long-password"


def ask(client, email, **environ):
    """Ask for a link, and run what the request queued for after its commit (the email)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/admin/password-reset/", {"email": email}, **environ)


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def choose(client, link, password=NEW):
    page = client.get(link, follow=True)
    if "new_password1" not in page.text:
        return page
    return client.post(
        page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )


@pytest.fixture
def editor():
    return make_staff("Editor", username="mai", email="mai@example.org", password=PASSWORD)


def test_staff_get_a_link_built_from_site_url(client, editor, settings):
    settings.SITE_URL = "https://inpud.example.org"
    response = ask(client, "MAI@example.org", HTTP_HOST="localhost")
    assert response["Location"] == "/admin/password-reset/sent/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mai@example.org"]
    assert link_in(mail.outbox[0]).startswith("https://inpud.example.org/admin/password-reset/")
    assert "mai" in mail.outbox[0].body  # the login name, which staff forget too


def test_unknown_and_non_staff_addresses_get_the_same_answer_and_no_email(client, editor):
    make_user(email="reader@example.org")
    answers = [ask(client, email) for email in ("mai@example.org", "reader@example.org", "x@y.org")]
    assert {(r.status_code, r["Location"]) for r in answers} == {
        (302, "/admin/password-reset/sent/")
    }
    assert [m.to for m in mail.outbox] == [["mai@example.org"]]


def test_the_link_sets_a_new_password_and_works_once(client, editor):
    ask(client, "mai@example.org")
    link = link_in(mail.outbox[0])
    done = choose(client, link)
    assert done["Location"] == "/admin/password-reset/complete/"
    editor.refresh_from_db()
    assert editor.check_password(NEW)
    assert SESSION_KEY not in client.session  # resetting never logs in

    again = choose(client.__class__(), link, password="yet-another-long-password")
    assert again.status_code == 200
    assert "The password reset link was invalid" in again.text
    editor.refresh_from_db()
    assert editor.check_password(NEW)


def test_a_link_from_before_a_password_change_is_dead(client, editor):
    ask(client, "mai@example.org")
    editor.set_password("changed-in-the-meantime")
    editor.save()
    page = choose(client, link_in(mail.outbox[0]))
    assert "The password reset link was invalid" in page.text
    editor.refresh_from_db()
    assert editor.check_password("changed-in-the-meantime")


@pytest.mark.parametrize(
    "link", ["/admin/password-reset/zz/nonsense/", "/admin/password-reset/Mg/x-y/"]
)
def test_a_broken_link_is_a_clear_page(client, editor, link):
    page = client.get(link, follow=True)
    assert page.status_code == 200
    assert "The password reset link was invalid" in page.text


def test_a_reset_password_still_needs_the_second_factor(client):
    user, _device, _codes = make_enrolled_staff(username="kofi", email="kofi@example.org")
    ask(client, "kofi@example.org")
    choose(client, link_in(mail.outbox[0]))
    response = log_in_with_password(client, "kofi", NEW)
    assert response["Location"] == "/admin/login/code/"
    assert SESSION_KEY not in client.session


def test_a_reset_ends_every_session(client, editor):
    logged_in = client.__class__()
    logged_in.force_login(editor)
    ask(client, "mai@example.org")
    choose(client, link_in(mail.outbox[0]))
    assert logged_in.get("/admin/").status_code == 302


def test_requests_are_throttled_with_the_same_answer_for_any_address(client, editor, settings):
    pages = {}
    for email in ("mai@example.org", "nobody@example.org"):
        answers = [ask(client, email, REMOTE_ADDR=f"198.51.100.{len(pages)}") for _ in range(4)]
        assert [r.status_code for r in answers] == [302, 302, 302, 429]
        pages[email] = answers[-1].text.replace(email, "…")
        pages[email] = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", pages[email])
    assert pages["mai@example.org"] == pages["nobody@example.org"]
    assert "Too many password-reset requests" in pages["mai@example.org"]
    assert len(mail.outbox) == settings.ACCOUNTS_RESET_ATTEMPTS


def test_one_sender_asking_for_many_addresses_is_throttled(client, settings):
    for n in range(settings.ACCOUNTS_RESET_IP_ATTEMPTS):
        assert ask(client, f"guess{n}@example.org").status_code == 302
    assert ask(client, "another@example.org").status_code == 429


@pytest.mark.parametrize("email", ["", "not-an-address", "a\x00@b.org", "x" * 500 + "@b.org"])
def test_odd_addresses_get_the_form_back(client, email):
    client.raise_request_exception = False
    response = ask(client, email)
    assert response.status_code == 200
    assert mail.outbox == []
