"""A reader follows the language links: the home page, a post and a campaign in Russian,
then signs up in Spanish and gets the confirmation email in Spanish."""

import io
import re
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def in_language(code, message):
    """``message`` from the catalogue of ``code``; the test needs it to be translated."""
    with translation.override(code):
        text = translation.gettext(message)
    assert text != message, f"{message!r} is not translated into {code}"
    return text


def wait_for_mail(count, timeout=10):
    deadline = time.monotonic() + timeout
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(mail.outbox) >= count


@pytest.fixture
def demo(settings, live_server):
    settings.SITE_URL = live_server.url
    call_command("load_demo", stdout=io.StringIO())


def test_reading_in_russian_and_signing_up_in_spanish(demo, browser_page, live_server):
    try:
        read_in_russian(browser_page)
        sign_up_in_spanish(browser_page, live_server)
    finally:
        connection.close()  # the connection Playwright's thread opened (see campaigns tests)


def read_in_russian(page):
    page.goto("/")
    page.locator("nav.languages").get_by_role("link", name="Русский").click()
    page.wait_for_url("**/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"
    page.get_by_role("heading", level=1, name=in_language("ru", "Latest news")).wait_for()
    title = "Запущена Инициатива людей, употребляющих наркотики, за мир"
    assert page.get_by_role("link", name="Global State").count() == 0  # English only
    page.get_by_role("link", name=title, exact=True).click()
    page.get_by_role("heading", level=1, name=title).wait_for()
    assert page.url.startswith(page.url.split("/ru/")[0] + "/ru/2015/01/17/")
    assert page.get_by_text("Специальной сессии Генеральной Ассамблеи ООН").is_visible()
    page.get_by_role("navigation", name=in_language("ru", "Main")).get_by_role(
        "link", name=in_language("ru", "Campaigns")
    ).click()
    campaign = "Инициатива людей, употребляющих наркотики, за мир"
    page.get_by_role("link", name=campaign, exact=True).first.click()
    page.get_by_role("heading", level=1, name=campaign).wait_for()
    assert page.get_by_role("link", name="Предисловие").is_visible()


def sign_up_in_spanish(page, live_server):
    # The same campaign in Spanish, from the language links.
    page.locator("nav.languages").get_by_role("link", name="español").click()
    page.wait_for_url("**/es/campaigns/iniciativa-de-paz/")
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_label(in_language("es", "Your name")).fill("Lucía Par")
    page.get_by_label(in_language("es", "Email"), exact=True).fill("lucia@example.org")
    page.get_by_label(in_language("es", "Country"), exact=True).select_option("MX")
    page.get_by_role("button", name=in_language("es", "Sign up"), exact=True).click()
    page.get_by_role("heading", name=in_language("es", "Check your email")).wait_for()

    wait_for_mail(1)
    message = mail.outbox[0]
    title = "Iniciativa de Paz de las Personas que Usan Drogas"
    subject = in_language("es", "Please confirm your support for %(title)s")
    assert message.subject == subject % {"title": title}
    assert (
        in_language("es", "Thank you for signing up to support %(title)s.") % {"title": title}
        in message.body
    )
    confirm_url = re.search(r"http\S+/confirm/", message.body).group(0)
    assert confirm_url.startswith(f"{live_server.url}/es/campaigns/supporter/")
    page.goto(confirm_url)
    page.get_by_role("button", name=in_language("es", "Confirm my support")).click()
    page.get_by_role("heading", name=in_language("es", "Thank you for your support")).wait_for()
    assert "/es/campaigns/iniciativa-de-paz/thank-you/" in page.url
