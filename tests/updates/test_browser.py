import io
import re

import pytest
from django.core import mail
from django.db import connection

from campaigns.models import Campaign, Supporter
from demo import campaigns as demo_campaigns
from tests.blog.factories import make_staff
from tests.campaigns.factories import make_supporter


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_send_an_update_and_a_supporter_unsubscribes_with_one_click(
    browser_page, live_server, settings
):
    try:
        _send_and_unsubscribe(browser_page, live_server, settings)
    finally:
        connection.close()  # see tests/campaigns/test_browser.py


def _send_update(page, subject, body):
    page.goto("/admin/updates/update/add/")
    page.get_by_label("Campaign").select_option(label="Drug User Peace Initiative")
    page.get_by_label("Subject").fill(subject)
    page.locator("#id_body").fill(body)
    page.get_by_role("button", name="Save", exact=True).click()
    row = page.locator("#result_list tbody tr", has_text=subject)
    row.locator("input.action-select").check()
    page.locator("select[name=action]").select_option("send")
    page.get_by_role("button", name="Go").click()
    page.get_by_role("heading", name="Send these updates?").wait_for()
    page.get_by_role("button", name="Yes, send them").click()
    page.get_by_text("1 update is being sent.").wait_for()


def _send_and_unsubscribe(page, live_server, settings):
    settings.SITE_URL = live_server.url
    settings.CAMPAIGN_UPDATES_PER_MINUTE = 600_000
    settings.LANGUAGES = [("en", "English"), ("ru", "Russian")]
    demo_campaigns.load(io.StringIO())
    campaign = Campaign.objects.get(slug="drug-user-peace-initiative")
    ana = make_supporter(campaign, email="ana@example.org", wants_updates=True)
    make_supporter(campaign, email="ivan@example.org", wants_updates=True, language="ru")
    make_supporter(campaign, email="kofi@example.org", wants_updates=True)
    make_supporter(campaign, email="quiet@example.org", wants_updates=False)
    make_staff("Campaign update senders", author=False, username="sender", password="pw-x")

    page.goto("/admin/")
    page.get_by_label("Username").fill("sender")
    page.get_by_label("Password").fill("pw-x")
    page.get_by_role("button", name="Log in").click()
    _send_update(page, "The report is out", "Read the new report on our site.")
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ana@example.org",
        "ivan@example.org",
        "kofi@example.org",
    ]
    page.goto("/admin/updates/update/")
    assert page.locator("td.field-sent").inner_text() == "3"

    email = next(m for m in mail.outbox if m.to == ["ana@example.org"])
    assert "Read the new report on our site." in email.body
    manage = re.search(rf"{live_server.url}/campaigns/supporter/[^/\s]+/(?=\s)", email.body)
    unsubscribe = re.fullmatch(r"<(\S+)>", email.extra_headers["List-Unsubscribe"]).group(1)
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.startswith(live_server.url) and unsubscribe in email.body

    reader = page.context.browser.new_context()  # the supporter's own browser, no session
    their_page = reader.new_page()
    their_page.goto(manage.group(0))
    their_page.get_by_role("heading", name="Your support for Drug User Peace Initiative").wait_for()
    their_page.goto(unsubscribe)  # a GET (a mail scanner, or a click) only asks
    their_page.get_by_role("button", name="Stop updates").wait_for()
    assert Supporter.objects.get(pk=ana.pk).wants_updates is True
    # The mail program's one-click POST: no cookie, no page of ours behind it.
    response = reader.request.post(unsubscribe, form={"List-Unsubscribe": "One-Click"})
    assert response.status == 200
    assert "You will get no more updates" in response.text()
    reader.close()
    assert Supporter.objects.get(pk=ana.pk).wants_updates is False

    mail.outbox.clear()
    _send_update(page, "Second news", "More news.")
    assert sorted(m.to[0] for m in mail.outbox) == ["ivan@example.org", "kofi@example.org"]
