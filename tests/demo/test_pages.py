"""Demo pages and menus, and a privacy policy true to the settings it names."""

import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command

from menus.models import MenuItem
from pages.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # twice: nothing duplicated


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_demo_pages_and_menus(demo, client):
    assert Page.objects.filter(language="en").count() == 6
    assert Page.objects.get(slug="our-history").path == "about-us/our-history"
    for path in ("/about-us/", "/about-us/our-history/", "/join-us/", "/contact/",
                 "/key-publications/", "/privacy-policy/"):  # fmt: skip
        assert client.get(path).status_code == 200, path
    assert 'name="message"' in client.get("/contact/").text
    publications = client.get("/key-publications/").text
    assert publications.count('href="/campaigns/drug-user-peace-initiative/') >= 7
    assert "A War on Women who Use Drugs" in publications
    assert MenuItem.objects.filter(menu__location="header", parent__isnull=False).count() == 1
    home = client.get("/").text
    assert '<a href="/about-us/our-history/">Our history</a>' in home
    assert 'href="/privacy-policy/">Privacy policy</a>' in home


# Each setting the policy names, and the sentence that must carry its value.
STATED = {
    "COMMENTS_METADATA_RETENTION_DAYS": "kept with the comment for {} days",
    "CAMPAIGNS_PENDING_RETENTION_DAYS": "is not confirmed is deleted after {} days",
    "CONTACT_MESSAGES_KEEP_DAYS": "Messages are deleted after {} days",
    "OUTBOX_RETENTION_DAYS": "deleted {} days after they were sent",
    "SUPPORTERS_KEEP_MONTHS_AFTER_CLOSE": "are blanked {} months after a campaign closes",
}


def test_privacy_policy_states_what_the_code_keeps(demo, client):
    policy = text_of(client.get("/privacy-policy/").text)
    for name, sentence in STATED.items():
        assert sentence.format(getattr(settings, name)) in policy, name
    assert "No cookies are set for readers" in policy
    assert "IP address is never stored" in policy and "salted hash" in policy
    assert "the message itself never travels by email" in policy


def test_privacy_policy_follows_the_settings(settings, client):
    settings.CONTACT_MESSAGES_KEEP_DAYS = 14
    settings.COMMENTS_METADATA_RETENTION_DAYS = 7
    call_command("load_demo", stdout=io.StringIO())
    policy = text_of(client.get("/privacy-policy/").text)
    assert "Messages are deleted after 14 days" in policy
    assert "kept with the comment for 7 days" in policy


@pytest.mark.parametrize(
    ("prefix", "labels"),
    [("/ru/", ["Ключевые публикации", "Присоединяйтесь", "Контакты"]),
     ("/es/", ["Publicaciones clave", "Únete", "Contacto"]),
     ("/fr/", ["Publications clés", "Nous rejoindre", "Contact"])],
)  # fmt: skip
def test_the_demo_header_menu_reads_in_each_language(demo, client, prefix, labels):
    header = client.get(prefix).text.split("</header>")[0]
    for label in labels:
        assert f">{label}<" in header, label
    assert ">Join us<" not in header and ">Key publications<" not in header
