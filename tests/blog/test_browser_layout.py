"""The layout in a real browser: nothing scrolls sideways on a small phone, focus is visible."""

import pytest

from tests.blog.factories import make_category, make_post
from tests.core.factories import image_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# `content` comes before `browser_page` in every test: data created once Playwright is
# running leaves a database connection open at teardown ("database is being accessed").


@pytest.fixture
def content():
    regional = make_category(name="Regional Information", slug="regional-information")
    eastern = make_category(name="Eastern European Countries", slug="eastern", parent=regional)
    post = make_post(
        title="The Global State of Harm Reduction for 2014: we must not be left behind",
        categories=[regional, eastern],
        tags=["needle and syringe programmes", "naloxone"],
        featured_image_alt="Report cover",
        body="<h2>A heading</h2><p>Some text.</p><table><tr><td>wide</td></tr></table>",
    )
    post.featured_image.save("cover.jpg", image_file(size=(1600, 900)))
    return post


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_pages_never_scroll_sideways(content, browser_page, width):
    browser_page.set_viewport_size({"width": width, "height": 800})
    for url in ("/", content.get_absolute_url(), "/category/regional-information/", "/nope/"):
        browser_page.goto(url)
        scroll_width = browser_page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, url


def test_skip_link_appears_on_focus_and_leads_to_main(content, browser_page):
    browser_page.goto("/")
    skip = browser_page.locator(".skip-link")
    assert skip.bounding_box()["y"] < 0
    browser_page.keyboard.press("Tab")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["y"] >= 0
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"


def test_sidebar_sits_beside_the_news_on_desktop_and_below_on_phones(content, browser_page):
    def boxes():
        return [browser_page.locator(tag).bounding_box() for tag in ("main", "aside")]

    browser_page.set_viewport_size({"width": 1280, "height": 900})
    browser_page.goto("/")
    main, aside = boxes()
    assert aside["x"] > main["x"] + main["width"]
    browser_page.set_viewport_size({"width": 390, "height": 800})
    main, aside = boxes()
    assert aside["y"] > main["y"] + main["height"]
