"""The page view: addresses that follow the tree, breadcrumb, sub-pages, previews, search."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pages.models import Page
from tests.blog.factories import make_editor, make_post
from tests.pages.factories import make_page

pytestmark = pytest.mark.django_db


def test_pages_answer_at_their_tree_addresses(client):
    about = make_page(title="About us", slug="about-us")
    history = make_page(title="Our history", slug="our-history", parent=about)
    assert history.path == "about-us/our-history"
    assert history.get_absolute_url() == "/about-us/our-history/"
    response = client.get("/about-us/our-history/")
    assert response.status_code == 200
    assert "<h1>Our history</h1>" in response.text
    assert client.get("/our-history/").status_code == 404
    assert client.get("/about-us/nothing/").status_code == 404


def test_page_shows_breadcrumb_and_child_pages_in_order(client):
    about = make_page(title="About us", slug="about-us")
    make_page(title="Our team", slug="team", parent=about, order=2, excerpt="Who does what.")
    make_page(title="Our history", slug="history", parent=about, order=1)
    make_page(title="A draft child", slug="draft", parent=about, status=Page.Status.DRAFT)
    html = client.get("/about-us/").text
    children = html[html.index('class="page-children"') :]
    assert children.index("Our history") < children.index("Our team")
    assert "Who does what." in children
    assert "A draft child" not in html
    child = client.get("/about-us/team/").text
    start = child.index('class="breadcrumb"')
    crumb = child[start : child.index("</nav>", start)]
    assert '<a href="/about-us/">About us</a>' in crumb
    assert 'aria-current="page">Our team</a>' in crumb


def test_drafts_and_scheduled_pages_are_404_for_readers_and_previews_for_editors(client):
    make_page(slug="draft", status=Page.Status.DRAFT)
    make_page(slug="later", publish_at=timezone.now() + timedelta(days=2))
    assert client.get("/draft/").status_code == 404
    assert client.get("/later/").status_code == 404
    client.force_login(make_editor())
    preview = client.get("/draft/")
    assert preview.status_code == 200
    assert "Only staff can see this page" in preview.text
    assert "no-cache" in preview["Cache-Control"] or "no-store" in preview["Cache-Control"]


def test_body_is_sanitised_on_save():
    page = make_page(body='<p onclick="x()">Hi</p><script>alert(1)</script>')
    assert "<script" not in page.body and "onclick" not in page.body
    assert page.body_text.strip() == "Hi"


def test_pages_are_in_search_results_marked_as_pages(client):
    make_page(title="Join the network", slug="join-us", body="<p>Membership is free.</p>")
    make_post(title="Membership drive", body="<p>Membership news.</p>")
    html = client.get("/search/", {"q": "membership"}).text
    pages = html[html.index('class="search-pages"') : html.index("</section>")]
    assert 'href="/join-us/"' in pages and ">Page<" in pages
    assert "Membership drive" in html


def test_pages_are_in_the_sitemap_unless_staff_leave_them_out(client):
    make_page(slug="about-us")
    make_page(slug="hidden", show_in_sitemap=False)
    make_page(slug="draft", status=Page.Status.DRAFT)
    xml = client.get("/sitemap-pages.xml").text
    assert "/about-us/</loc>" in xml
    assert "/hidden/" not in xml and "/draft/" not in xml


def test_a_page_has_no_comment_form(client):
    make_page(slug="about-us")
    html = client.get("/about-us/").text
    assert "comment" not in html.split("<main", 1)[1].split("</main>")[0].lower()


def test_a_put_or_a_post_to_a_page_without_a_form_is_refused(client):
    make_page(slug="about-us")
    assert client.post("/about-us/", {"message": "hi"}).status_code == 405
    assert client.put("/about-us/").status_code == 405


@pytest.mark.parametrize(
    "path", ["/" + "a" * 3000 + "/", "/%D0%BF%D1%80/", "/about-us/%00/", "/a//b/", "/about-us"]
)
def test_odd_addresses_are_404s_never_errors(client, path):
    make_page(slug="about-us")
    client.raise_request_exception = False
    assert client.get(path).status_code in (301, 404)
