"""Accessibility of every kind of public page, checked on the HTML the client receives."""

import re

import pytest

from tests.campaigns.factories import signup_data
from tests.comments.factories import form_data
from tests.inpud import html_audit
from tests.inpud.conftest import public_urls

pytestmark = pytest.mark.django_db

VAGUE_LINK_TEXT = {"here", "click here", "more", "read more", "link", "this", "continue"}


@pytest.fixture
def pages(client, site):
    """Each public page as (name, url, parsed page, raw html), status checked."""
    result = []
    for name, (url, status) in public_urls(site).items():
        response = client.get(url)
        assert response.status_code == status, (name, url)
        html = response.content.decode()
        result.append((name, url, html_audit.read(html), html))
    return result


def test_every_public_page_has_one_h1_and_headings_in_order(pages):
    problems = {name: html_audit.heading_problems(page) for name, _, page, _ in pages}
    assert {name: p for name, p in problems.items() if p} == {}


def test_every_public_page_declares_its_language(pages):
    for name, _, page, _ in pages:
        assert page.find("html")[0].attrs.get("lang") == "en", name


def test_every_public_page_has_the_landmarks_and_a_working_skip_link(pages):
    for name, _, page, _ in pages:
        body_links = [e for e in page.elements if e.tag == "a" and not e.in_head]
        assert body_links[0].attrs == {"class": "skip-link", "href": "#main"}, name
        mains = page.find("main")
        assert len(mains) == 1 and mains[0].attrs.get("id") == "main", name
        classes = [e.attrs.get("class", "") for e in page.elements]
        assert classes.count("site-header") == 1 and classes.count("site-footer") == 1, name
        navs = page.find("nav")
        assert navs and all(n.attrs.get("aria-label") for n in navs), name


def test_every_form_control_on_public_pages_has_a_label(pages):
    problems = {name: html_audit.label_problems(page) for name, _, page, _ in pages}
    assert {name: p for name, p in problems.items() if p} == {}


def test_ids_are_unique_on_every_public_page(pages):
    for name, _, page, _ in pages:
        ids = [e.attrs["id"] for e in page.elements if e.attrs.get("id")]
        assert len(ids) == len(set(ids)), (name, sorted(i for i in ids if ids.count(i) > 1))


def test_links_make_sense_out_of_context(pages):
    for name, _, page, _ in pages:
        for link in page.find("a"):
            if link.in_head or "href" not in link.attrs:
                continue
            text = " ".join(link.text.split()).lower()
            label = link.attrs.get("aria-label", "")
            assert text or label, (name, link.attrs)
            assert text not in VAGUE_LINK_TEXT, (name, text)


def test_images_on_public_pages_have_alt_text(pages):
    for name, _, page, _ in pages:
        for image in page.find("img"):
            assert "alt" in image.attrs, (name, image.attrs)


def test_navigation_marks_only_the_current_section(client, site):
    def current(url):
        html = client.get(url).content.decode()
        nav = html[html.index('class="site-nav"') : html.index("</nav>")]
        return re.findall(r'<a href="([^"]+)"[^>]*class="is-active"', nav)

    assert current("/") == ["/"]
    assert current("/search/?q=treatment") == ["/search/"]
    assert current("/campaigns/") == ["/campaigns/"]
    assert current(site["post"].get_absolute_url()) == ["/"]
    # Another language's home ("/fr/") is the news section only, not every address under it.
    assert current("/fr/campaigns/") == ["/fr/campaigns/"]
    assert current("/ru/search/?q=treatment") == ["/ru/search/"]
    assert current("/fr/") == ["/fr/"]


def test_campaign_progress_bar_has_a_label_and_a_text_equivalent(client, site):
    page = html_audit.read(client.get(site["campaign"].get_absolute_url()).content.decode())
    (progress,) = page.find("progress")
    assert progress.attrs["max"] == "1000" and progress.attrs["value"] == "6"
    # The text equivalent for browsers that cannot draw the bar.
    assert " ".join(progress.text.split()) == "6 of 1,000 supporters (0%)"
    (label,) = [e for e in page.find("label") if e.attrs.get("for") == progress.attrs["id"]]
    assert "goal of 1,000 supporters" in " ".join(label.text.split())


def test_comment_form_errors_are_tied_to_their_fields(client, site):
    post = site["post"]
    response = client.post(f"/comments/post/{post.pk}/", form_data(email="not-an-email", body=""))
    assert response.status_code == 400
    page = html_audit.read(response.content.decode())
    assert html_audit.error_link_problems(page) == []
    invalid = {e.attrs["name"] for e in page.controls if e.attrs.get("aria-invalid") == "true"}
    assert invalid == {"email", "body"}
    assert html_audit.label_problems(page) == []
    assert html_audit.heading_problems(page) == []


def test_signup_form_errors_are_tied_to_their_fields(client, site):
    campaign = site["campaign"]
    response = client.post(
        f"/campaigns/{campaign.slug}/sign-up/", signup_data(email="nope", country="")
    )
    assert response.status_code == 400
    page = html_audit.read(response.content.decode())
    assert html_audit.error_link_problems(page) == []
    invalid = {e.attrs["name"] for e in page.controls if e.attrs.get("aria-invalid") == "true"}
    assert invalid == {"email", "country"}
    assert html_audit.label_problems(page) == []
    assert html_audit.heading_problems(page) == []


def test_signup_form_sends_the_reader_back_to_the_form(client, site):
    """After a mistake the page opens at the form, where the errors are, not at the top."""
    campaign = site["campaign"]
    page = html_audit.read(client.get(campaign.get_absolute_url()).content.decode())
    (form,) = [f for f in page.find("form") if "sign-up" in f.attrs.get("action", "")]
    assert form.attrs["action"].endswith("/sign-up/#sign-up")
    assert page.by_id("sign-up") is not None


def test_search_error_is_tied_to_the_search_box(client):
    page = html_audit.read(client.get("/search/?q=%01bad").content.decode())
    assert html_audit.error_link_problems(page) == []
