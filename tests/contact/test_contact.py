"""The contact form: stored privately, staff told without the message, limits, the inbox."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import Event
from contact.models import ContactMessage
from outbox.models import Message
from tests.blog.factories import make_editor, make_staff
from tests.pages.factories import make_page

pytestmark = pytest.mark.django_db

INBOX = "/admin/contact/contactmessage/"


@pytest.fixture
def contact_page():
    return make_page(title="Contact", slug="contact", show_contact_form=True)


def form(**overrides):
    data = {"topic": "membership", "name": "Ana", "reply_to": "ana@example.net",
            "message": "How do I join?", "website": ""}  # fmt: skip
    data.update(overrides)
    return data


def inbox_staff():
    return make_staff("Contact inbox", author=False, email="inbox@inpud.example")


def test_the_page_shows_a_cookie_free_form(client, contact_page):
    response = client.get("/contact/")
    html = response.text
    assert '<form method="post" action="/contact/#contact-form"' in html
    assert "csrfmiddlewaretoken" not in html and not response.cookies
    assert 'name="reply_to"' in html and 'name="topic"' in html


def test_a_message_is_stored_with_only_an_ip_hash_and_staff_get_a_link(client, contact_page):
    inbox_staff()
    response = client.post("/contact/", form(), REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 200
    assert "your message has arrived" in response.text
    assert response["Cache-Control"] == "private, no-store"
    message = ContactMessage.objects.get()
    assert (message.topic, message.reply_to, message.page) == (
        "membership",
        "ana@example.net",
        contact_page,
    )
    assert message.ip_hash and "192.0.2.7" not in message.ip_hash
    (email,) = Message.objects.all()
    assert email.to == "inbox@inpud.example"
    assert f"/admin/contact/contactmessage/{message.pk}/change/" in email.body
    assert "How do I join?" not in email.body and "ana@example.net" not in email.body
    assert list(ContactMessage.objects.sent_by("ANA@example.net ")) == [message]


def test_errors_come_back_with_what_was_typed(client, contact_page):
    long = "x" * 5001
    response = client.post("/contact/", form(message=long, name="Ana\u202e"))
    assert response.status_code == 400
    assert response["Cache-Control"] == "private, no-store"
    assert "at most 5000 characters" in response.text
    assert "change the direction of text" in response.text
    assert 'value="ana@example.net"' in response.text
    response = client.post("/contact/", form(message="bell \x07 here"))
    assert response.status_code == 400 and "control characters" in response.text
    assert not ContactMessage.objects.exists()


def test_honeypot_looks_like_success_and_keeps_nothing(client, contact_page):
    response = client.post("/contact/", form(website="http://spam.example"))
    assert response.status_code == 200 and "has arrived" in response.text
    assert not ContactMessage.objects.exists()


def test_a_flood_from_one_address_gets_a_clear_429(client, contact_page, settings):
    settings.CONTACT_RATE_LIMIT = 3
    codes = [client.post("/contact/", form(), REMOTE_ADDR="192.0.2.9").status_code
             for _ in range(5)]  # fmt: skip
    assert codes == [200, 200, 200, 429, 429]
    assert ContactMessage.objects.count() == 3
    limited = client.post("/contact/", form(), REMOTE_ADDR="192.0.2.9")
    assert "Too many messages from your connection" in limited.text
    assert client.post("/contact/", form(), REMOTE_ADDR="192.0.2.10").status_code == 200


def test_a_post_from_another_site_is_refused(client, contact_page):
    response = client.post("/contact/", form(), HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert not ContactMessage.objects.exists()


def test_pages_without_the_form_refuse_a_post(client):
    make_page(slug="about-us")
    assert client.post("/about-us/", form()).status_code == 405


def test_old_messages_are_deleted_daily(settings, contact_page):
    assert "purge_contact_messages" in settings.DAILY_COMMANDS
    old = ContactMessage.objects.create(topic="general", message="old")
    ContactMessage.objects.filter(pk=old.pk).update(
        received_at=timezone.now() - timedelta(days=settings.CONTACT_MESSAGES_KEEP_DAYS + 1)
    )
    recent = ContactMessage.objects.create(topic="general", message="new")
    call_command("purge_contact_messages")
    assert list(ContactMessage.objects.all()) == [recent]


def test_only_the_inbox_role_sees_messages(client, contact_page):
    message = ContactMessage.objects.create(topic="media", message="An interview?")
    client.force_login(make_editor())
    assert client.get(INBOX).status_code == 403
    assert client.get(f"{INBOX}{message.pk}/change/").status_code in (302, 403)
    client.force_login(inbox_staff())
    listing = client.get(INBOX, {"topic__exact": "media"})
    assert listing.status_code == 200 and "Media and interviews" in listing.text
    detail = client.get(f"{INBOX}{message.pk}/change/")
    assert detail.status_code == 200 and "An interview?" in detail.text
    message.refresh_from_db()
    assert message.is_read
    assert Event.objects.filter(action="contact_message_read").count() == 1
    client.post(INBOX, {"action": "mark_unread", "_selected_action": [message.pk]})
    message.refresh_from_db()
    assert not message.is_read
    client.post(INBOX, {"action": "delete_selected", "_selected_action": [message.pk],
                        "post": "yes"})  # fmt: skip
    assert not ContactMessage.objects.exists()
    assert Event.objects.filter(action="contact_messages_deleted").exists()
