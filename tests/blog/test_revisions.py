"""Every admin save keeps a revision that staff can compare and restore."""

import pytest
from reversion.models import Version

from blog.models import Post
from tests.blog.factories import make_category, make_post, make_staff, post_form_data
from tests.inpud.html_audit import form_data

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/blog/post/add/"


@pytest.fixture
def editor(client):
    user = make_staff("Editor")
    client.force_login(user)
    return user


def change_url(post):
    return f"/admin/blog/post/{post.pk}/change/"


def versions(post):
    return Version.objects.get_for_object(post).order_by("pk")


def create_then_edit(client):
    """Add a post through the admin, then change title, body, categories and tags."""
    research = make_category(name="Research")
    women = make_category(name="Women")
    client.post(
        ADD_URL,
        post_form_data(
            title="First title",
            body="<p>First body.</p>",
            categories=[research.pk],
            new_tags="naloxone",
        ),
    )
    post = Post.objects.get()
    client.post(
        change_url(post),
        post_form_data(
            title="Second title",
            body="<p>Second body.</p><p>More.</p>",
            categories=[women.pk],
            tags=[],
            new_tags="stigma",
        ),
    )
    post.refresh_from_db()
    return post, research, women


def test_each_admin_save_keeps_a_revision(client, editor):
    post, *_ = create_then_edit(client)
    found = versions(post)
    assert found.count() == 2
    assert [v.field_dict["title"] for v in found] == ["First title", "Second title"]
    assert found.last().revision.user == editor


def test_history_lists_revisions_with_compare_links(client, editor):
    post, *_ = create_then_edit(client)
    html = client.get(f"/admin/blog/post/{post.pk}/history/").text
    first = versions(post).first()
    assert f"/admin/blog/post/{post.pk}/history/{first.pk}/" in html
    assert f"/admin/blog/post/{post.pk}/history/{first.pk}/compare/" in html


def test_restore_through_the_revision_form(client, editor):
    post, research, _women = create_then_edit(client)
    first = versions(post).first()
    url = f"/admin/blog/post/{post.pk}/history/{first.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    post.refresh_from_db()
    assert post.title == "Second title"  # looking at a revision changes nothing
    data = form_data(page.text)
    assert data["title"] == "First title"
    response = client.post(url, data)
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "First title"
    assert post.body == "<p>First body.</p>"
    assert list(post.categories.all()) == [research]
    assert list(post.tags.names()) == ["naloxone"]
    latest = versions(post).last()
    assert "Reverted to previous version" in latest.revision.get_comment()
    assert versions(post).count() == 3


def test_compare_shows_an_escaped_line_diff(client, editor):
    post, *_ = create_then_edit(client)
    post.title = "Title with <b>markup</b>"
    post.save()
    first = versions(post).first()
    response = client.get(f"/admin/blog/post/{post.pk}/history/{first.pk}/compare/")
    assert response.status_code == 200
    html = response.text
    assert "First title" in html
    assert "Title with &lt;b&gt;markup&lt;/b&gt;" in html
    assert "<b>markup</b>" not in html
    assert '<li class="removed"><del>' in html
    assert "&lt;p&gt;First body.&lt;/p&gt;" in html
    assert "&lt;p&gt;More.&lt;/p&gt;" in html


def test_compare_says_when_nothing_changed(client, editor):
    client.post(ADD_URL, post_form_data(title="Same"))
    post = Post.objects.get()
    version = versions(post).first()
    html = client.get(f"/admin/blog/post/{post.pk}/history/{version.pk}/compare/").text
    assert "Title, excerpt and body are the same in both." in html


def test_compare_with_unknown_version_is_404(client, editor):
    post = make_post()
    assert client.get(f"/admin/blog/post/{post.pk}/history/999999/compare/").status_code == 404


def test_bulk_publish_keeps_one_revision_per_post(client, editor):
    drafts = [make_post(status=Post.Status.DRAFT) for _ in range(2)]
    client.post(
        "/admin/blog/post/", {"action": "publish", "_selected_action": [p.pk for p in drafts]}
    )
    for post in drafts:
        (version,) = versions(post)
        assert version.field_dict["status"] == Post.Status.PUBLISHED
        assert version.revision.version_set.count() == 1


def test_author_cannot_see_history_or_compare_of_others(client):
    other = make_post(status=Post.Status.DRAFT)
    editor = make_staff("Editor")
    client.force_login(editor)
    client.post(
        change_url(other),
        post_form_data(title="Edited", slug=other.slug, author=other.author.pk),
    )
    version = versions(other).first()
    client.force_login(make_staff("Author"))
    assert client.get(f"/admin/blog/post/{other.pk}/history/").status_code in (302, 403)
    assert (
        client.get(f"/admin/blog/post/{other.pk}/history/{version.pk}/compare/").status_code == 404
    )
    assert client.get(f"/admin/blog/post/{other.pk}/history/{version.pk}/").status_code == 403
    assert client.get("/admin/blog/post/recover/").status_code == 403


def test_author_restores_own_draft(client):
    author = make_staff("Author")
    client.force_login(author)
    client.post(ADD_URL, post_form_data(title="Mine v1"))
    post = Post.objects.get()
    client.post(change_url(post), post_form_data(title="Mine v2"))
    first = versions(post).first()
    url = f"/admin/blog/post/{post.pk}/history/{first.pk}/"
    response = client.post(url, form_data(client.get(url).text))
    assert response.status_code == 302
    post.refresh_from_db()
    assert (post.title, post.status) == ("Mine v1", Post.Status.DRAFT)


def test_restoring_a_deleted_post(client, editor):
    client.post(ADD_URL, post_form_data(title="Gone soon"))
    post = Post.objects.get()
    client.post(f"/admin/blog/post/{post.pk}/delete/", {"post": "yes"})
    assert not Post.objects.exists()
    (deleted,) = Version.objects.get_deleted(Post)
    url = f"/admin/blog/post/recover/{deleted.pk}/"
    response = client.post(url, form_data(client.get(url).text))
    assert response.status_code == 302
    assert Post.objects.get().title == "Gone soon"


def test_author_cannot_restore_a_published_or_foreign_version(client):
    author = make_staff("Author")
    editor = make_staff("Editor")
    post = make_post(author=editor.author_profile, status=Post.Status.PUBLISHED, title="Live")
    client.force_login(editor)
    data = post_form_data(slug=post.slug, status="published", author=editor.author_profile.pk)
    client.post(change_url(post), {**data, "title": "Live"})
    published_version = versions(post).last()
    data.update(status="draft", author=author.author_profile.pk, title="Handed over")
    client.post(change_url(post), data)
    post.refresh_from_db()
    assert (post.status, post.author) == (Post.Status.DRAFT, author.author_profile)
    client.force_login(author)
    url = f"/admin/blog/post/{post.pk}/history/{published_version.pk}/"
    assert client.get(url).status_code == 403
    assert client.post(url, post_form_data(slug=post.slug, title="Live")).status_code == 403
    post.refresh_from_db()
    assert (post.title, post.status, post.author) == (
        "Handed over",
        Post.Status.DRAFT,
        author.author_profile,
    )
