"""A page and the contact page stay light, like the home page (tests/blog/test_pages_size.py):
HTML + CSS + JS at most 60 KB uncompressed, with a full header menu and many sub-pages."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from menus.models import Menu, MenuItem
from tests.pages.factories import make_page

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 60 * 1024
BODY = "".join(
    f"<h2>Part {i}</h2><p>{'Peer-led networks speak for people who use drugs. ' * 12}</p>"
    for i in range(6)
)


def weight(client, url):
    html = client.get(url).content
    stylesheets = re.findall(rb'<link rel="stylesheet" href="/static/([^"]+)"', html)
    scripts = re.findall(rb'<script[^>]+src="/static/([^"]+)"', html)
    assets = sum(Path(finders.find(path.decode())).stat().st_size for path in stylesheets + scripts)
    return len(html) + assets


def test_a_long_page_and_the_contact_page_fit_in_60_kb(client):
    about = make_page(title="About us", slug="about-us", body=BODY, excerpt="Who we are.")
    for n in range(20):
        make_page(title=f"Sub-page number {n}", slug=f"sub-{n}", parent=about,
                  excerpt="A sentence about this part of the network's work.")  # fmt: skip
    make_page(title="Contact", slug="contact", body=BODY, show_contact_form=True)
    header = Menu.objects.create(location="header")
    for n in range(8):
        top = MenuItem.objects.create(menu=header, url=f"/section-{n}/", label=f"Section {n}")
        for c in range(4):
            MenuItem.objects.create(menu=header, url=f"/s{n}/{c}/", label=f"Item {c}", parent=top)
    for url in ("/about-us/", "/contact/"):
        total = weight(client, url)
        print(f"{url}: {total} B")
        assert total <= BUDGET_BYTES, url
