"""What only a browser can tell: tap sizes, sideways scrolling, visible focus."""

import pytest

from tests.inpud.conftest import public_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# WCAG 2.5.5 asks 44 by 44 CSS pixels for targets; text fields and buttons meet it.
MIN_CONTROL_HEIGHT = 44
MIN_CHECKBOX = 24


def form_pages(site):
    return [site["post"].get_absolute_url(), site["campaign"].get_absolute_url(), "/search/",
            "/contact/"]  # fmt: skip


# `site` comes before `browser_page`: data created once Playwright runs would keep a
# database connection open at teardown.


def test_public_pages_never_scroll_sideways_on_a_small_phone(site, browser_page):
    browser_page.set_viewport_size({"width": 320, "height": 700})
    for name, (url, _) in public_urls(site).items():
        browser_page.goto(url)
        width = browser_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, name


def test_form_controls_are_large_enough_to_tap(site, browser_page):
    browser_page.set_viewport_size({"width": 390, "height": 800})
    for url in form_pages(site):
        browser_page.goto(url)
        sizes = browser_page.evaluate(
            """() => [...document.querySelectorAll(
                      'main :is(input, select, textarea, button), .site-search :is(input, button)')]
                .filter(e => e.type !== 'hidden' && e.offsetParent !== null
                             && !e.closest('[aria-hidden=true]'))
                .map(e => [e.name || e.textContent.trim(), e.type,
                           e.getBoundingClientRect().width, e.getBoundingClientRect().height])"""
        )
        assert sizes, url
        for name, kind, width, height in sizes:
            low = MIN_CHECKBOX if kind == "checkbox" else MIN_CONTROL_HEIGHT
            assert height >= low and width >= low, (url, name, width, height)


def test_keyboard_focus_is_visible_on_links_and_fields(site, browser_page):
    browser_page.goto(site["post"].get_absolute_url())
    browser_page.keyboard.press("Tab")  # the skip link
    browser_page.keyboard.press("Tab")  # the brand link
    link_style = browser_page.evaluate("() => getComputedStyle(document.activeElement).boxShadow")
    assert link_style != "none"
    browser_page.locator("#id_name").focus()
    field_style = browser_page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return [s.outlineStyle, s.boxShadow]; }"""
    )
    assert field_style[0] != "none" and field_style[1] != "none"


def test_campaign_page_puts_sign_up_beside_the_documents_on_desktop(site, browser_page):
    browser_page.set_viewport_size({"width": 1280, "height": 900})
    browser_page.goto(site["campaign"].get_absolute_url())
    documents = browser_page.locator(".campaign-main").bounding_box()
    signup = browser_page.locator("#sign-up").bounding_box()
    assert signup["x"] > documents["x"] + documents["width"]
    assert not browser_page.locator(".campaign-jump").is_visible()
    browser_page.set_viewport_size({"width": 390, "height": 800})
    assert browser_page.locator(".campaign-jump").is_visible()
    documents = browser_page.locator(".campaign-main").bounding_box()
    assert browser_page.locator("#sign-up").bounding_box()["y"] > documents["y"]
