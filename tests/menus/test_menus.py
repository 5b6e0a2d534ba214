"""Header and footer menus and the site text, from the database, on every public page."""

import re

import pytest
from django.contrib.auth.models import Group

from blog.models import Post
from menus.models import Menu, MenuItem, SiteLink, SiteText
from pages.models import Page
from tests.blog.factories import make_category, make_editor, make_post
from tests.campaigns.factories import make_campaign
from tests.pages.factories import make_page

pytestmark = pytest.mark.django_db


def nav(html, css="site-nav"):
    start = html.index(f'class="{css}"')
    return html[start : html.index("</nav>", start)]


def footer(html):
    return html[html.index("<footer") :]


def test_without_menus_the_default_links_show(client):
    html = client.get("/").text
    assert 'href="/" aria-current="page"' in nav(html)
    assert 'href="/feed/"' in footer(html)


def test_header_menu_nests_one_level_and_marks_the_current_item(client):
    about = make_page(title="About us", slug="about-us")
    history = make_page(title="Our history", slug="our-history", parent=about)
    post = make_post(title="A post")
    category = make_category(name="Women", slug="women")
    campaign = make_campaign()
    header = Menu.objects.create(location="header")
    parent = MenuItem.objects.create(menu=header, page=about, order=1)
    MenuItem.objects.create(menu=header, page=history, parent=parent)
    MenuItem.objects.create(menu=header, post=post, order=2)
    MenuItem.objects.create(menu=header, category=category, order=3)
    MenuItem.objects.create(menu=header, campaign=campaign, order=4, label="Our campaign")
    MenuItem.objects.create(menu=header, url="/search/", label="Search", order=5)
    html = nav(client.get("/about-us/our-history/").text)
    assert "<details><summary" in html and ">About us</summary>" in html
    assert '<a href="/about-us/our-history/" aria-current="page">Our history</a>' in html
    assert html.count("aria-current") == 1
    assert f'href="{post.get_absolute_url()}"' in html and ">A post<" in html
    assert 'href="/category/women/"' in html and ">Our campaign<" in html
    assert re.search(r"<summary class=\"is-active\">About us", html)


def test_items_pointing_to_drafts_or_deleted_content_are_hidden_and_flagged(client):
    header = Menu.objects.create(location="header")
    draft = make_page(title="Secret draft", slug="secret", status=Page.Status.DRAFT)
    gone = make_post(title="Gone post")
    MenuItem.objects.create(menu=header, page=draft)
    MenuItem.objects.create(menu=header, post=gone)
    MenuItem.objects.create(menu=header, url="/campaigns/", label="Campaigns")
    gone.delete()
    html = nav(client.get("/").text)
    assert "Secret draft" not in html and "Gone post" not in html
    assert ">Campaigns</a>" in html
    client.force_login(make_editor(is_superuser=True))
    admin = client.get(f"/admin/menus/menu/{header.pk}/change/").text
    assert admin.count("was deleted or is a draft") == 2
    listing = client.get("/admin/menus/menu/").text
    assert '<td class="field-hidden_count">2</td>' in listing


def test_menu_item_rules_are_form_errors():
    header = Menu.objects.create(location="header")
    footer_menu = Menu.objects.create(location="footer")
    top = MenuItem.objects.create(menu=header, url="/a/")
    child = MenuItem.objects.create(menu=header, url="/b/", parent=top)
    page = make_page()
    cases = [
        MenuItem(menu=header),  # nothing
        MenuItem(menu=header, url="/x/", page=page),  # two targets
        MenuItem(menu=header, url="javascript:alert(1)"),
        MenuItem(menu=header, url="/c/", parent=child),  # two levels
        MenuItem(menu=footer_menu, url="/c/", parent=top),  # footer does not nest
    ]
    for item in cases:
        with pytest.raises(Exception) as error:
            item.full_clean()
        assert error.type.__name__ == "ValidationError"


def test_site_text_replaces_the_hard_coded_text(client):
    text = SiteText.objects.create(
        tagline="A new tagline",
        description="A description for search engines.",
        about="Short about text.",
        banner_heading="Banner heading here",
        banner_text="Banner body here.",
        banner_button_label="Join us",
        banner_button_url="/join-us/",
        footer_text="Footer words here.",
        footer_motto="",
        contact_email="hello@inpud.example",
    )
    SiteLink.objects.create(site_text=text, label="Mastodon", url="https://social.example/@inpud")
    home = client.get("/").text
    assert "A new tagline" in home and "Banner heading here" in home
    assert '<meta name="description" content="A description for search engines.">' in home
    assert '<a class="button" href="/join-us/">Join us</a>' in home
    assert "Footer words here." in footer(home) and "hello@inpud.example" in footer(home)
    assert 'href="https://social.example/@inpud" rel="me noopener">Mastodon' in home
    post = make_post()
    assert "Short about text." in client.get(post.get_absolute_url()).text


def test_only_one_site_text_record(client):
    client.force_login(make_editor(is_superuser=True))
    assert client.get("/admin/menus/sitetext/").status_code == 302
    SiteText.objects.create()
    response = client.get("/admin/menus/sitetext/")
    assert response["Location"].endswith("/admin/menus/sitetext/1/change/")
    SiteText(tagline="again").save()  # a second record is the first one
    assert list(SiteText.objects.values_list("pk", "tagline")) == [(1, "again")]


def test_editors_manage_menus_and_site_text():
    perms = {p.codename for p in Group.objects.get(name="Editor").permissions.all()}
    assert "change_menu" in perms and "change_sitetext" in perms


def test_changes_show_on_the_next_request_with_everything_cached(client, settings):
    settings.PAGE_CACHE = True
    header = Menu.objects.create(location="header")
    assert "Join us" not in nav(client.get("/").text)
    item = MenuItem.objects.create(menu=header, url="/join-us/", label="Join us")
    assert "Join us" in nav(client.get("/").text)
    item.label = "Join the network"
    item.save()
    assert "Join the network" in nav(client.get("/").text)
    SiteText.objects.create(banner_heading="Fresh banner")
    assert "Fresh banner" in client.get("/").text
    assert Post.objects.count() == 0
