"""With the page cache on, page, menu and site text edits show on the next request."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from menus.models import Menu, MenuItem, SiteText
from pages.models import Page
from tests.pagecache.test_invalidation import cached_get
from tests.pages.factories import make_page

pytestmark = pytest.mark.django_db


def test_page_edits_moves_and_menu_changes_show_at_once(client, page_cache):
    about = make_page(title="About us", slug="about-us", body="<p>Old words.</p>")
    assert "Old words." in cached_get(client, "/about-us/").text
    about.body = "<p>New words.</p>"
    about.save()
    assert "New words." in client.get("/about-us/").text
    child = make_page(title="Our history", slug="history", parent=about)
    assert "Our history" in cached_get(client, "/about-us/").text
    child.status = Page.Status.DRAFT
    child.save()
    assert "Our history" not in client.get("/about-us/").text
    header = Menu.objects.create(location="header")
    MenuItem.objects.create(menu=header, page=about)
    cached_get(client, "/")
    about.title = "Who we are"
    about.save()
    assert ">Who we are</a>" in client.get("/").text
    SiteText.objects.create(footer_text="A new footer line.")
    assert "A new footer line." in client.get("/about-us/").text


def test_a_scheduled_page_appears_by_itself(client, page_cache):
    about = make_page(slug="about-us")
    make_page(title="Soon child", parent=about, publish_at=timezone.now() + timedelta(seconds=1))
    assert "Soon child" not in cached_get(client, "/about-us/").text
    time.sleep(1.2)
    # The schedule the pages app registers bumps SITE once the time has passed.
    assert "Soon child" in client.get("/about-us/").text
