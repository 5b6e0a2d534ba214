import re
import time

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from campaigns import tokens
from tests.campaigns.factories import make_campaign, make_supporter


def _wait_for_mail(count, timeout=10):
    deadline = time.monotonic() + timeout
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(mail.outbox) >= count


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_sign_up_confirm_by_email_then_another_supporter_withdraws(
    browser_page, live_server, settings
):
    try:
        _sign_up_confirm_and_withdraw(browser_page, live_server, settings)
    finally:
        # Under Playwright's sync API the test body gets its own database connection (a
        # separate context); left open, it stops the test database from being dropped.
        connection.close()


def supporter_count(page):
    """The tally as one line (the number is drawn on a line of its own)."""
    return " ".join(page.locator("#supporter-count").inner_text().split())


def _sign_up_confirm_and_withdraw(page, live_server, settings):
    settings.SITE_URL = live_server.url
    campaign = make_campaign(title="Peace now", signup_goal=10)
    leaver = make_supporter(campaign, name="Leaving Person", country="KE", show_name=True)

    page.goto(campaign.get_absolute_url())
    assert supporter_count(page) == "1 confirmed supporter"
    page.get_by_label("Your name").fill("Browser Person")
    page.get_by_label("Email", exact=True).fill("browser@example.org")
    page.get_by_label("Country", exact=True).select_option("PT")
    page.get_by_label("Show my name and country on the campaign page").check()
    page.get_by_role("button", name="Sign up").click()
    page.get_by_role("heading", name="Check your email").wait_for()

    _wait_for_mail(1)
    confirm_url = re.search(r"http\S+/confirm/", mail.outbox[0].body).group(0)
    assert confirm_url.startswith(live_server.url)
    page.goto(confirm_url)
    page.get_by_role("button", name="Confirm my support").click()
    page.get_by_role("heading", name="Thank you for your support").wait_for()

    page.goto(campaign.get_absolute_url())
    assert supporter_count(page) == "2 confirmed supporters"
    names = page.locator(".supporter-names")
    assert names.get_by_text("Browser Person, Portugal").is_visible()
    assert names.get_by_text("Leaving Person, Kenya").is_visible()
    assert page.locator("progress").get_attribute("value") == "2"

    manage = reverse(
        "campaigns:supporter-manage", kwargs={"token": tokens.make_manage_token(leaver)}
    )
    page.goto(manage)
    page.get_by_role("button", name="Withdraw and erase my details").click()
    page.get_by_role("heading", name="You have withdrawn").wait_for()

    page.goto(campaign.get_absolute_url())
    assert supporter_count(page) == "1 confirmed supporter"
    assert page.locator(".supporter-names").get_by_text("Leaving Person").count() == 0
    assert page.locator(".supporter-names").get_by_text("Browser Person").is_visible()
