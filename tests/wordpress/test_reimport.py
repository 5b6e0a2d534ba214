"""Running the import again: unchanged is skipped, changed is updated, dry runs write nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.redirects.models import Redirect
from django.db import connection
from taggit.models import Tag, TaggedItem

from blog.models import Author, Category, Post
from comments.models import Comment
from tests.wordpress.conftest import FILES, run_import
from wordpress.models import ImportedObject

pytestmark = pytest.mark.django_db

TABLES = [
    "auth_user",
    "blog_author",
    "blog_category",
    "blog_post",
    "blog_post_categories",
    "taggit_tag",
    "taggit_taggeditem",
    "comments_comment",
    "django_redirect",
]


def snapshot():
    """Every row of every table the import writes, to compare before and after."""
    rows = {}
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"SELECT * FROM {table} ORDER BY 1")  # noqa: S608 (fixed names)
            rows[table] = cursor.fetchall()
    mappings = ImportedObject.objects.order_by("pk")
    rows["mapping"] = list(mappings.values_list("kind", "wp_id", "object_id", "content_hash"))
    return rows


def table(output):
    lines = output.splitlines()
    return {line.split()[0]: [int(n) for n in line.split()[1:]] for line in lines[2:8]}


def post(wp_id):
    return Post.objects.get(pk=ImportedObject.objects.get(kind="post", wp_id=wp_id).object_id)


def comment(wp_id):
    mapping = ImportedObject.objects.get(kind="comment", wp_id=wp_id)
    return Comment.objects.get(pk=mapping.object_id)


def test_second_run_changes_nothing(media_dir):
    run_import("site_1_2.xml", "--media-dir", str(media_dir))
    before = snapshot()
    output = run_import("site_1_2.xml", "--media-dir", str(media_dir))
    assert snapshot() == before
    assert table(output) == {
        "authors": [0, 0, 3],
        "categories": [0, 0, 6],
        "tags": [0, 0, 3],
        "posts": [0, 0, 9],
        "comments": [0, 0, 9],
        "attachments": [0, 0, 3],
    }


def test_newer_export_updates_what_changed():
    run_import("reimport_v1.xml")
    unchanged = post(2)
    output = run_import("reimport_v2.xml")
    assert table(output) == {
        "authors": [0, 0, 1],
        "categories": [0, 1, 0],
        "tags": [0, 0, 1],
        "posts": [1, 1, 1],
        "comments": [1, 1, 1],
        "attachments": [0, 0, 0],
    }
    edited = post(1)
    assert edited.title == "Naloxone saves lives: an update"
    assert edited.body == "<p>Carry naloxone. Train your friends.</p>"
    assert Post.objects.filter(search_vector="friends").get() == edited
    assert post(3).title == "A new post"
    assert post(2).updated_at == unchanged.updated_at
    assert Category.objects.get(slug="news").name == "News and views"
    assert comment(12).status == Comment.Status.APPROVED
    assert (comment(13).parent, comment(13).depth) == (comment(12), 2)
    assert Post.objects.count() == 3 and Comment.objects.count() == 3


def test_local_moderation_survives_a_reimport_of_the_same_export():
    run_import("reimport_v1.xml")
    Comment.objects.filter(pk=comment(12).pk).update(status=Comment.Status.APPROVED)
    run_import("reimport_v1.xml")
    assert comment(12).status == Comment.Status.APPROVED


def test_post_deleted_here_is_imported_again():
    run_import("reimport_v1.xml")
    post(2).delete()
    output = run_import("reimport_v1.xml")
    assert post(2).title == "Stays the same"
    assert table(output)["posts"] == [1, 0, 1]


def test_dry_run_reports_the_same_and_writes_nothing(media_dir, settings):
    output = run_import("site_1_2.xml", "--media-dir", str(media_dir), "--dry-run")
    assert output.splitlines()[0] == "WordPress import - DRY RUN: nothing was written"
    assert table(output) == {
        "authors": [3, 0, 0],
        "categories": [6, 0, 0],
        "tags": [3, 0, 0],
        "posts": [9, 0, 0],
        "comments": [9, 0, 0],
        "attachments": [2, 0, 1],
    }
    assert "lost.jpg" in output
    for model in (Post, Comment, Category, Author, Tag, TaggedItem, ImportedObject, Redirect):
        assert model.objects.count() == 0, model
    assert get_user_model().objects.count() == 0
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(media.rglob("*"))


def test_dry_run_after_an_import_reports_the_changes_it_would_make():
    run_import("reimport_v1.xml")
    before = snapshot()
    output = run_import("reimport_v2.xml", "--dry-run")
    assert table(output)["posts"] == [1, 1, 1]
    assert snapshot() == before


def test_wxr_1_1_author_without_an_id_is_found_again():
    run_import("site_1_1.xml")
    before = snapshot()
    output = run_import("site_1_1.xml")
    assert snapshot() == before
    assert table(output)["authors"] == [0, 0, 1]


def test_wxr_1_0_without_author_list_or_term_ids_imports_and_reimports():
    output = run_import("site_1_0.xml")
    hello = Post.objects.get()
    assert hello.get_absolute_url() == "/2009/05/01/hello-from-2009/"
    assert hello.author.user.username == "founder"
    assert list(hello.categories.values_list("slug", flat=True)) == ["news"]
    assert "Posts name an author the export does not list; created 'founder'" in output
    before = snapshot()
    assert table(run_import("site_1_0.xml"))["posts"] == [0, 0, 1]
    assert snapshot() == before


def test_newer_export_can_drop_a_featured_image_and_rename_a_slug(media_dir, tmp_path, client):
    run_import("site_1_2.xml", "--media-dir", str(media_dir))
    old_url = post(102).get_absolute_url()
    newer = tmp_path / "newer.xml"
    text = (FILES / "site_1_2.xml").read_text()
    text = text.replace(
        "<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>"
        "<wp:meta_value><![CDATA[202]]></wp:meta_value></wp:postmeta>",
        "",
    ).replace(
        "<wp:post_name><![CDATA[my-treatment-their-treatment-my-hell]]></wp:post_name>",
        "<wp:post_name><![CDATA[my-treatment]]></wp:post_name>",
    )
    newer.write_text(text)
    output = run_import(str(newer), "--media-dir", str(media_dir))
    assert table(output)["posts"] == [0, 1, 8]
    edited = post(102)
    assert (edited.slug, edited.featured_image.name, edited.featured_image_alt) == (
        "my-treatment",
        "",
        "",
    )
    response = client.get(old_url)
    assert (response.status_code, response["Location"]) == (301, edited.get_absolute_url())
