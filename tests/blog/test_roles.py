"""What Authors, Editors and Moderators may do in the admin."""

import pytest
from django.contrib.auth.models import Group

from blog.models import Author, Post
from tests.blog.factories import make_category, make_post, make_staff, make_user, post_form_data

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/blog/post/add/"
LIST_URL = "/admin/blog/post/"


def change_url(post):
    return f"/admin/blog/post/{post.pk}/change/"


def test_migration_creates_the_three_roles():
    perms = {
        group.name: {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        for group in Group.objects.prefetch_related("permissions__content_type")
    }
    assert {"Author", "Editor", "Moderator"} <= perms.keys()
    assert "blog.publish_post" in perms["Editor"]
    assert "blog.publish_post" not in perms["Author"]
    assert {"blog.add_post", "blog.change_post", "taggit.add_tag", "blog.view_category"} <= perms[
        "Author"
    ]
    assert "blog.change_category" not in perms["Author"]
    assert perms["Moderator"] == {"comments.view_comment", "comments.change_comment"}


def test_author_post_that_tries_to_publish_stays_a_draft(client):
    author = make_staff("Author")
    client.force_login(author)
    response = client.post(ADD_URL, post_form_data(status="published", is_sticky="on"))
    assert response.status_code == 302
    post = Post.objects.get(slug="a-new-post")
    assert post.status == Post.Status.DRAFT
    assert post.is_sticky is False
    assert post.author == author.author_profile


def test_author_form_has_no_status_or_author_inputs(client):
    client.force_login(make_staff("Author"))
    html = client.get(ADD_URL).text
    assert 'name="status"' not in html
    assert 'name="author"' not in html
    assert 'name="title"' in html


def test_author_sees_only_own_posts_in_the_list(client):
    author = make_staff("Author")
    make_post(title="Mine", author=author.author_profile, status=Post.Status.DRAFT)
    make_post(title="Someone else's")
    client.force_login(author)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert "Mine" in response.text
    assert "Someone else&#x27;s" not in response.text


def test_author_cannot_open_or_change_someone_elses_post(client):
    other = make_post(title="Not yours", status=Post.Status.DRAFT)
    client.force_login(make_staff("Author"))
    assert client.get(change_url(other)).status_code == 302  # "doesn't exist", back to index
    client.post(change_url(other), post_form_data(title="Hijacked", slug=other.slug))
    other.refresh_from_db()
    assert other.title == "Not yours"


def test_author_changes_own_draft(client):
    author = make_staff("Author")
    post = make_post(author=author.author_profile, status=Post.Status.DRAFT)
    client.force_login(author)
    response = client.post(change_url(post), post_form_data(title="Better title", slug=post.slug))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "Better title"
    assert post.status == Post.Status.DRAFT


def test_author_cannot_change_own_published_post(client):
    author = make_staff("Author")
    post = make_post(title="Live", author=author.author_profile)
    client.force_login(author)
    page = client.get(change_url(post))
    assert page.status_code == 200  # read only
    assert 'name="_save"' not in page.text
    response = client.post(change_url(post), post_form_data(title="Changed", slug=post.slug))
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.title == "Live"


def test_author_deletes_own_draft_but_not_published_post(client):
    author = make_staff("Author")
    draft = make_post(author=author.author_profile, status=Post.Status.DRAFT)
    live = make_post(author=author.author_profile)
    client.force_login(author)
    assert client.post(f"/admin/blog/post/{live.pk}/delete/", {"post": "yes"}).status_code == 403
    response = client.post(f"/admin/blog/post/{draft.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert list(Post.objects.all()) == [live]


def test_author_bulk_delete_with_a_published_post_deletes_nothing(client):
    author = make_staff("Author")
    draft = make_post(author=author.author_profile, status=Post.Status.DRAFT)
    live = make_post(author=author.author_profile)
    client.force_login(author)
    response = client.post(
        LIST_URL,
        {"action": "delete_selected", "_selected_action": [draft.pk, live.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert Post.objects.count() == 2


def test_author_cannot_run_the_publish_action(client):
    author = make_staff("Author")
    draft = make_post(author=author.author_profile, status=Post.Status.DRAFT)
    client.force_login(author)
    page = client.get(LIST_URL)
    assert 'value="publish"' not in page.text
    client.post(LIST_URL, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Post.Status.DRAFT


def test_author_cannot_change_categories(client):
    category = make_category(name="Women")
    client.force_login(make_staff("Author"))
    assert client.get("/admin/blog/category/").status_code == 200  # may look
    url = f"/admin/blog/category/{category.pk}/change/"
    response = client.post(url, {"name": "Renamed", "slug": category.slug})
    assert response.status_code == 403
    category.refresh_from_db()
    assert category.name == "Women"


def test_author_uses_category_and_tag_autocomplete(client):
    make_category(name="Hepatitis C")
    make_post(tags=["naloxone"])
    client.force_login(make_staff("Author"))
    base = "/admin/autocomplete/?app_label=blog&model_name=post"
    categories = client.get(f"{base}&field_name=categories&term=hepa").json()
    tags = client.get(f"{base}&field_name=tags&term=nalo").json()
    assert [r["text"] for r in categories["results"]] == ["Hepatitis C"]
    assert [r["text"] for r in tags["results"]] == ["naloxone"]


def test_author_adds_new_tags_by_name(client):
    author = make_staff("Author")
    client.force_login(author)
    response = client.post(ADD_URL, post_form_data(new_tags="drug checking, Naloxone"))
    assert response.status_code == 302
    post = Post.objects.get(slug="a-new-post")
    assert sorted(post.tags.names()) == ["Naloxone", "drug checking"]


def test_user_without_add_tag_permission_may_only_use_existing_tags(client):
    make_post(tags=["naloxone"])
    writer = make_staff(perms=["blog.add_post", "blog.change_post", "blog.view_post"])
    client.force_login(writer)
    response = client.post(ADD_URL, post_form_data(new_tags="NALOXONE, brand new"))
    assert response.status_code == 200
    assert "You can only use existing tags. Unknown: brand new" in response.text
    assert 'value="NALOXONE, brand new"' in response.text  # what was typed is kept
    response = client.post(ADD_URL, post_form_data(new_tags="NALOXONE"))
    assert response.status_code == 302
    assert list(Post.objects.get(slug="a-new-post").tags.names()) == ["naloxone"]


def test_editor_publishes_and_signs_for_another_author(client):
    editor = make_staff("Editor")
    guest = make_staff("Author")
    client.force_login(editor)
    data = post_form_data(status="published", author=guest.author_profile.pk, is_sticky="on")
    assert client.post(ADD_URL, data).status_code == 302
    post = Post.objects.get(slug="a-new-post")
    assert (post.status, post.author, post.is_sticky) == (
        Post.Status.PUBLISHED,
        guest.author_profile,
        True,
    )


def test_editor_without_choosing_an_author_signs_the_post(client):
    editor = make_staff("Editor")
    client.force_login(editor)
    client.post(ADD_URL, post_form_data())
    assert Post.objects.get(slug="a-new-post").author == editor.author_profile


def test_editor_changes_someone_elses_published_post(client):
    post = make_post(title="Old title")
    client.force_login(make_staff("Editor"))
    data = post_form_data(
        title="Edited by an editor",
        slug=post.slug,
        status="published",
        author=post.author.pk,
        publish_at_0=post.local_publish_at.strftime("%Y-%m-%d"),
        publish_at_1=post.local_publish_at.strftime("%H:%M:%S"),
    )
    assert client.post(change_url(post), data).status_code == 302
    post.refresh_from_db()
    assert post.title == "Edited by an editor"


def test_moderator_cannot_touch_posts():
    moderator = make_staff("Moderator", author=False)
    assert moderator.has_perm("comments.change_comment")
    assert not moderator.has_perm("blog.change_post")


def test_moderator_gets_403_on_the_post_admin(client):
    client.force_login(make_staff("Moderator", author=False))
    assert client.get(LIST_URL).status_code == 403
    assert client.get(ADD_URL).status_code == 403


def test_staff_with_a_name_but_no_profile_gets_one_from_their_name(client):
    author = make_staff("Author", author=False, first_name="Ana", last_name="Peer")
    client.force_login(author)
    assert client.post(ADD_URL, post_form_data()).status_code == 302
    profile = Author.objects.get(user=author)
    assert (profile.display_name, profile.slug) == ("Ana Peer", "ana-peer")
    assert Post.objects.get().author == profile


def test_staff_without_name_or_profile_is_told_what_to_do(client):
    user = make_staff("Author", author=False, first_name="", last_name="", username="jdoe42")
    client.force_login(user)
    response = client.post(ADD_URL, post_form_data(title="Kept title"))
    assert response.status_code == 200
    assert "has no public author profile yet" in response.text
    assert 'value="Kept title"' in response.text
    assert not Post.objects.exists()
    assert not Author.objects.filter(slug__contains="jdoe42").exists()


def test_non_staff_user_is_sent_to_login(client):
    client.force_login(make_user())
    response = client.get(LIST_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_recover_deleted_link_is_for_editors_only(client):
    client.force_login(make_staff("Author"))
    assert "/admin/blog/post/recover/" not in client.get(LIST_URL).text
    client.force_login(make_staff("Editor"))
    assert "/admin/blog/post/recover/" in client.get(LIST_URL).text


def test_author_cannot_merge_tags(client):
    make_post(tags=["a", "b"])
    client.force_login(make_staff("Author"))
    assert 'value="render_tag_form"' not in client.get("/admin/taggit/tag/").text
    response = client.post("/admin/taggit/tag/merge-tags/", {"new_tag_name": "merged"})
    assert response.status_code == 403


def test_editor_can_merge_tags(client):
    make_post(tags=["a", "b"])
    client.force_login(make_staff("Editor"))
    assert 'value="render_tag_form"' in client.get("/admin/taggit/tag/").text


def test_author_previews_own_draft_but_not_another_authors_draft(client):
    from blog.models import Post
    from tests.blog.factories import make_post, make_staff

    writer = make_staff("Author", username="writer")
    other = make_staff("Author", username="other")
    own = make_post(author=writer.author_profile, status=Post.Status.DRAFT)
    theirs = make_post(author=other.author_profile, status=Post.Status.DRAFT)
    client.force_login(writer)
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(theirs.get_absolute_url()).status_code == 404


def test_editor_previews_any_draft(client):
    from blog.models import Post
    from tests.blog.factories import make_post, make_staff

    draft = make_post(status=Post.Status.DRAFT)
    client.force_login(make_staff("Editor"))
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_author_is_told_an_editor_publishes_the_draft(client):
    client.force_login(make_staff("Author"))
    response = client.post(ADD_URL, post_form_data(), follow=True)
    assert "An editor will review and publish it." in response.text


def test_editor_is_told_when_a_scheduled_post_will_appear(client):
    client.force_login(make_staff("Editor"))
    data = post_form_data(status="published", publish_at_0="2099-03-01", publish_at_1="09:30:00")
    response = client.post(ADD_URL, data, follow=True)
    assert "Scheduled: it will appear on the site by itself on" in response.text
    assert "2099" in response.text


def test_admin_is_named_after_the_site(admin_client):
    html = admin_client.get("/admin/").text
    assert "INPUD administration" in html
    assert "Django administration" not in html
    assert 'rel="icon"' in html
