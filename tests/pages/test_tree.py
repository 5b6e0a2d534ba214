"""Moves and renames redirect; slugs never shadow other routes; no cycles; no clashes."""

import re

import pytest
from django.contrib.redirects.models import Redirect
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver, get_resolver

from pages.models import Page
from pages.reserved import reserved_first_segments
from tests.pages.factories import make_page

pytestmark = pytest.mark.django_db


def redirects():
    return dict(Redirect.objects.values_list("old_path", "new_path"))


def test_renaming_a_published_page_redirects_it_and_its_children(client):
    about = make_page(slug="about")
    make_page(slug="history", parent=about)
    make_page(slug="unpublished", parent=about, status=Page.Status.DRAFT)
    about.slug = "about-us"
    about.save()
    assert Page.objects.get(slug="history").path == "about-us/history"
    assert Page.objects.get(slug="unpublished").path == "about-us/unpublished"
    assert redirects() == {"/about/": "/about-us/", "/about/history/": "/about-us/history/"}
    response = client.get("/about/history/")
    assert (response.status_code, response["Location"]) == (301, "/about-us/history/")
    assert client.get("/about-us/history/").status_code == 200


def test_moving_twice_leaves_no_chain_and_moving_back_no_loop():
    about = make_page(slug="about-us")
    other = make_page(slug="network")
    team = make_page(slug="team", parent=about)
    team.parent = other
    team.save()
    team.parent = None
    team.save()
    assert redirects() == {"/about-us/team/": "/team/", "/network/team/": "/team/"}
    team.parent = about
    team.save()
    assert "/about-us/team/" not in redirects()
    assert redirects()["/team/"] == "/about-us/team/"


def test_moving_a_draft_leaves_no_redirect():
    page = make_page(slug="draft", status=Page.Status.DRAFT)
    page.slug = "renamed"
    page.save()
    assert redirects() == {}


def test_a_page_cannot_be_put_under_itself_or_its_descendants():
    about = make_page(slug="about-us")
    team = make_page(slug="team", parent=about)
    leaf = make_page(slug="leaf", parent=team)
    for parent in (about, leaf):
        about.parent = parent
        with pytest.raises(ValidationError) as error:
            about.full_clean()
        assert "cannot be placed under itself" in str(error.value)


def test_siblings_cannot_share_a_slug_but_cousins_can():
    about = make_page(slug="about-us")
    other = make_page(slug="network")
    make_page(slug="team", parent=about)
    Page(title="Team", slug="team", parent=other).full_clean()
    with pytest.raises(ValidationError) as error:
        Page(title="Team again", slug="team", parent=about).full_clean()
    assert "already has the address /about-us/team/" in str(error.value)


def _sample_paths(patterns, prefix=""):
    """A concrete address for every route of the URL conf (converters filled in)."""
    samples = {"yyyy": "2015", "mm": "01", "dd": "02", "slug": "x", "int": "1", "path": "x",
               "str": "x", "section": "posts"}  # fmt: skip
    for entry in patterns:
        text = prefix + str(entry.pattern).lstrip("^").rstrip("$")
        if isinstance(entry, URLResolver):
            yield from _sample_paths(entry.url_patterns, text)
            continue
        assert isinstance(entry, URLPattern)
        concrete = re.sub(r"<(?:(\w+):)?\w+>", lambda m: samples.get(m[1] or "str", "x"), text)
        if "(" in concrete or "\\" in concrete or "?" in concrete:
            continue  # regexes: the page's own pattern, media, nested categories
        yield entry, concrete


def test_no_page_can_take_the_address_of_any_other_route():
    """Every route of the URL conf: a page whose path is that address is refused."""
    checked = 0
    for _entry, concrete in _sample_paths(get_resolver().url_patterns):
        path = concrete.strip("/")
        slugs = [part for part in path.split("/") if part]
        if not slugs or any(not part.replace("-", "").replace("_", "").isalnum()
                            for part in slugs):  # fmt: skip
            continue
        parent = None
        for slug in slugs[:-1]:
            parent = Page.objects.filter(slug=slug, parent=parent).first() or Page.objects.create(
                title=slug, slug=slug, parent=parent, status=Page.Status.DRAFT
            )
        with pytest.raises(ValidationError):
            Page(title="Shadow", slug=slugs[-1], parent=parent).full_clean()
        checked += 1
    assert checked > 20
    assert {"admin", "campaigns", "comments", "feed", "category", "tag", "author",
            "search"} <= reserved_first_segments()  # fmt: skip


@pytest.mark.parametrize(
    "slug", ["admin", "feed", "search", "category", "2015", "campaigns", "media", "static", "en"]
)
def test_reserved_slugs_are_refused_with_a_clear_message(slug):
    with pytest.raises(ValidationError) as error:
        Page(title="X", slug=slug).full_clean()
    assert "belongs to another part of the site" in str(error.value)
