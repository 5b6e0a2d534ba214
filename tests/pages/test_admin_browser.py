"""In the admin alone, an editor builds the About us tree, puts it in the header menu and
changes the banner and footer text; with the page cache on, an anonymous reader sees each
change on the next request."""

import pytest
from playwright.sync_api import expect

from blog import roles as blog_roles
from core.roles import sync_groups
from menus import roles as menu_roles
from pages import roles as page_roles
from tests.blog.factories import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


@pytest.fixture
def editor(settings):
    settings.PAGE_CACHE = True
    for groups in (blog_roles.GROUPS, page_roles.GROUPS, menu_roles.GROUPS):
        sync_groups(groups)
    return make_staff("Editor", author=False, username="editor", password=PASSWORD)


def log_in(page):
    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator('a[href="/admin/pages/page/"]').first).to_be_visible()


def add_page(page, title, body, parent=None):
    page.goto("/admin/pages/page/add/")
    page.get_by_label("Title").press_sequentially(title)
    page.locator(".ck-editor__editable").click()
    page.keyboard.type(body)
    page.get_by_label("Status").select_option(label="Published")
    if parent:
        pick(page, ".field-parent", parent)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")


def pick(page, scope, option):
    """Django's autocomplete (select2) inside ``scope``: type, choose the offered option."""
    page.locator(f"{scope} .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(option[:5])
    page.locator(".select2-results__option", has_text=option).first.click()


def test_editor_builds_pages_menu_and_site_text_and_readers_see_each_change(
    editor, browser_page, live_server
):
    page = browser_page
    reader = page.context.browser.new_context(base_url=live_server.url).new_page()
    reader.goto("/")  # the home page is now in the page cache
    expect(reader.locator(".hero-slogan")).to_have_text("Nothing about us without us.")

    log_in(page)
    add_page(page, "About us", "A peer-led network.")
    add_page(page, "Our history", "Founded by activists.", parent="About us")
    reader.goto("/about-us/our-history/")
    expect(reader.locator("main h1")).to_have_text("Our history")
    expect(reader.locator(".breadcrumb")).to_contain_text("About us")

    # The header menu: About us, then Our history under it.
    page.goto("/admin/menus/menu/add/")
    page.get_by_label("Where").select_option("header")
    pick(page, "#items-0 .field-page", "About us")
    page.locator("#id_items-0-order").fill("1")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    pick(page, "#items-1 .field-page", "Our history")
    page.locator("#id_items-1-parent").select_option(label="About us")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    reader.goto("/")
    nav = reader.locator(".site-nav")
    expect(nav.locator("summary")).to_have_text("About us")
    nav.locator("summary").click()  # <details>: no script needed
    nav.get_by_role("link", name="Our history").click()
    expect(reader).to_have_url(f"{live_server.url}/about-us/our-history/")
    expect(reader.locator('.site-nav [aria-current="page"]')).to_have_text("Our history")

    # Banner and footer text.
    page.goto("/admin/menus/sitetext/")
    page.get_by_label("Home banner heading").fill("Peace, not war")
    page.get_by_label("Footer text").fill("Run by and for people who use drugs.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("successfully")
    reader.goto("/")
    expect(reader.locator(".hero-slogan")).to_have_text("Peace, not war")
    expect(reader.locator(".footer-text")).to_have_text("Run by and for people who use drugs.")

    page.goto("/admin/menus/sitetext/")
    page.get_by_label("Home banner heading").fill("Nothing about us without us, again")
    page.get_by_role("button", name="Save", exact=True).click()
    reader.goto("/")
    expect(reader.locator(".hero-slogan")).to_have_text("Nothing about us without us, again")
    assert not reader.context.cookies()
    reader.context.close()
