"""Pages in the admin: Editors publish, Authors draft; revisions; clear form errors."""

import pytest
import reversion
from django.contrib.auth.models import Group
from reversion.models import Version

from pages.models import Page
from tests.blog.factories import make_editor, make_staff
from tests.pages.factories import make_page, page_form_data

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/pages/page/add/"


def change_url(page):
    return f"/admin/pages/page/{page.pk}/change/"


def test_roles_carry_the_page_permissions():
    editor = {p.codename for p in Group.objects.get(name="Editor").permissions.all()}
    author = {p.codename for p in Group.objects.get(name="Author").permissions.all()}
    assert {"publish_page", "change_page"} <= editor
    assert "change_page" in author and "publish_page" not in author


def test_editor_creates_a_tree_in_the_admin(client):
    client.force_login(make_editor())
    assert client.post(ADD_URL, page_form_data()).status_code == 302
    about = Page.objects.get(slug="about-us")
    response = client.post(
        ADD_URL, page_form_data(title="Our history", slug="our-history", parent=str(about.pk))
    )
    assert response.status_code == 302
    assert Page.objects.get(slug="our-history").path == "about-us/our-history"
    assert client.get("/about-us/our-history/").status_code == 200


def test_author_pages_stay_drafts_and_others_pages_are_not_theirs(client):
    author = make_staff("Author")
    client.force_login(author)
    assert client.post(ADD_URL, page_form_data(status="published")).status_code == 302
    page = Page.objects.get(slug="about-us")
    assert (page.status, page.owner) == (Page.Status.DRAFT, author)
    other = make_page(title="Someone else's")
    assert client.get(change_url(other)).status_code in (302, 403, 404)
    assert "Someone else" not in client.get("/admin/pages/page/").text


def test_reserved_slug_and_cycle_are_form_errors_and_nothing_is_saved(client):
    client.force_login(make_editor())
    response = client.post(ADD_URL, page_form_data(slug="feed"))
    assert response.status_code == 200
    assert "belongs to another part of the site" in response.text
    about = make_page(slug="about-us")
    child = make_page(slug="team", parent=about)
    response = client.post(change_url(about), page_form_data(slug="about-us", parent=str(child.pk)))
    assert response.status_code == 200
    assert "cannot be placed under itself" in response.text
    about.refresh_from_db()
    assert about.parent is None and Page.objects.count() == 2


def test_history_compares_and_restores_a_revision(client):
    client.force_login(make_editor())
    client.post(ADD_URL, page_form_data(body="<p>First words.</p>"))
    page = Page.objects.get(slug="about-us")
    client.post(change_url(page), page_form_data(body="<p>Second words.</p>"))
    versions = Version.objects.get_for_object(page)
    assert versions.count() == 2
    oldest = versions.last()
    compare = client.get(f"/admin/pages/page/{page.pk}/history/{oldest.pk}/compare/")
    assert compare.status_code == 200 and "First words." in compare.text
    with reversion.create_revision():
        oldest.revision.revert()
    page.refresh_from_db()
    assert "First words." in page.body
