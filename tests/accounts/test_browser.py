"""In Chromium: a new Editor sets up an authenticator at first login, logs out, logs in
again with password and code, and reaches the admin; without the code it stays closed."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from blog import roles
from core.roles import sync_groups
from tests.accounts.factories import PASSWORD, code_at, key_from_secret, now_step
from tests.blog.factories import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def new_editor(settings):
    settings.ACCOUNTS_REQUIRE_TWO_FACTOR = True
    sync_groups(roles.GROUPS)  # a transactional test's flush empties the groups
    return make_staff("Editor", author=False, username="neweditor", password=PASSWORD)


def log_in_with_password(page):
    page.goto("/admin/")
    page.get_by_label("Username").fill("neweditor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_new_editor_enrols_and_logs_in_with_a_code(new_editor, browser_page, live_server):
    page = browser_page
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    log_in_with_password(page)
    expect(page.get_by_role("heading", name="Set up two-factor authentication")).to_be_visible()
    expect(page.locator(".otp-qr svg")).to_be_visible()
    key = key_from_secret(page.locator("#totp-secret").inner_text())
    enrolled_at = now_step()
    page.get_by_label("Code").fill(code_at(key, enrolled_at))
    page.get_by_role("button", name="Confirm").click()

    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="Continue").click()
    expect(page.get_by_role("link", name="Posts", exact=True)).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Logged out")).to_be_visible()

    # The password alone: the code page, and the admin stays closed.
    log_in_with_password(page)
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    page.goto("/admin/blog/post/")
    expect(page.locator("#login-form")).to_be_visible()
    assert urlsplit(page.url).path == "/admin/login/"
    expect(page.get_by_role("link", name="Posts", exact=True)).to_have_count(0)

    # With the code (a new one: the set-up code was used up).
    page.goto("/admin/login/code/")
    page.get_by_label("Code").fill(code_at(key, max(now_step(), enrolled_at + 1)))
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Posts", exact=True)).to_be_visible()
    assert urlsplit(page.url).path == "/admin/"

    # Nothing came from another host: the QR code is drawn by the server.
    here = urlsplit(live_server.url).netloc
    assert all(urlsplit(url).netloc == here for url in requested if url.startswith("http"))
