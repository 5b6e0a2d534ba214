"""A page, and every public page with the menus, make a small constant number of queries."""

import pytest

from menus.models import Menu, MenuItem, SiteLink, SiteText
from pages.models import Page
from tests.blog.factories import make_post
from tests.pages.factories import make_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_site():
    """200 pages (20 sections, 3 children each, 2 grandchildren under each) and 50 menu items."""
    sections = []
    for s in range(20):
        section = make_page(title=f"Section {s}", slug=f"section-{s}")
        sections.append(section)
        for c in range(3):
            child = make_page(title=f"Child {s}.{c}", slug=f"child-{c}", parent=section)
            make_page(title=f"Leaf {s}.{c}", slug="leaf", parent=child)
            make_page(title=f"Note {s}.{c}", slug="note", parent=child)
    assert Page.objects.count() == 200
    header = Menu.objects.create(location="header")
    footer = Menu.objects.create(location="footer")
    posts = [make_post() for _ in range(5)]
    for n, section in enumerate(sections[:10]):
        top = MenuItem.objects.create(menu=header, page=section, order=n)
        for child in section.children.all()[:3]:
            MenuItem.objects.create(menu=header, page=child, parent=top)
    for n in range(5):
        MenuItem.objects.create(menu=footer, post=posts[n], order=n)
    for n in range(5):
        MenuItem.objects.create(menu=footer, url=f"/link-{n}/", label=f"Link {n}", order=10 + n)
    assert MenuItem.objects.count() == 50
    text = SiteText.objects.create(footer_text="Footer")
    SiteLink.objects.create(site_text=text, label="Mastodon", url="https://social.example/@x")
    return sections


# The page (1), the cache generations (1), the page's breadcrumb ancestors and its children
# (1 each, kept in a fragment afterwards), the menus (1) and the site text with its links (1).
COLD = 6
# The page and the generations: the rest is kept until the site's content changes.
WARM = 2


def test_a_deep_page_within_budget_cold_and_warm(client, big_site, django_assert_max_num_queries):
    url = "/section-3/child-2/leaf/"
    with django_assert_max_num_queries(COLD):
        response = client.get(url)
    assert response.status_code == 200
    assert 'href="/section-3/child-2/"' in response.text  # breadcrumb
    assert "Section 9" in response.text  # the header menu
    with django_assert_max_num_queries(WARM):
        assert client.get(url).status_code == 200


def test_a_page_with_many_children_and_the_home_page(
    client, big_site, django_assert_max_num_queries
):
    with django_assert_max_num_queries(COLD):
        html = client.get("/section-0/").text
    assert html.count('class="page-children"') == 1 and "Child 0.2" in html
    # The home page's budget (tests/blog/test_queries.py) does not grow with the menus:
    # warm, the count, the page of posts, the generations.
    client.get("/")
    with django_assert_max_num_queries(3):
        assert client.get("/").status_code == 200
