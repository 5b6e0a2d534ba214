"""Importing site_1_2.xml: authors, categories, tags, posts, comments, summary."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from taggit.models import Tag

from blog.models import Author, Category, Post
from comments.models import Comment
from core.sanitize import MORE_MARKER
from tests.wordpress.conftest import FILES, run_import
from wordpress.models import ImportedObject

pytestmark = pytest.mark.django_db


@pytest.fixture
def output(media_dir):
    return run_import("site_1_2.xml", "--media-dir", str(media_dir))


def post(wp_id):
    mapping = ImportedObject.objects.get(kind="post", wp_id=wp_id)
    return Post.objects.get(pk=mapping.object_id)


def comment(wp_id):
    mapping = ImportedObject.objects.get(kind="comment", wp_id=wp_id)
    return Comment.objects.get(pk=mapping.object_id)


# ---------------------------------------------------------------- authors
def test_authors_become_users_who_cannot_log_in(output, client):
    users = get_user_model().objects.order_by("username")
    assert [u.username for u in users] == ["eliot_admin", "jchang", "volunteer7"]
    for user in users:
        assert not user.has_usable_password()
        assert not user.is_staff and not user.is_superuser
    assert not client.login(username="eliot_admin", password="")


def test_author_profiles_use_display_names_never_logins(output, client):
    eliot = Author.objects.get(user__username="eliot_admin")
    assert (eliot.display_name, eliot.slug) == ("Eliot Albers", "eliot-albers")
    # WordPress showed "jchang" as her display name; her real name is better.
    judy = Author.objects.get(user__username="jchang")
    assert (judy.display_name, judy.slug) == ("Judy Chang", "judy-chang")
    page = client.get(judy.get_absolute_url()).text
    assert "Judy Chang" in page and "jchang" not in page
    assert "judy@inpud.example.org" not in page


def test_author_whose_only_name_is_the_login_is_warned_about(output):
    assert "Author 'volunteer7' shows their login name publicly" in output


# ---------------------------------------------------------------- categories and tags
def test_category_tree_is_rebuilt_even_when_children_come_first(output):
    eastern = Category.objects.get(slug="eastern-european-countries")
    assert eastern.parent.slug == "europe"
    assert eastern.parent.parent.slug == "regional-information"
    assert eastern.parent.parent.parent is None
    assert eastern.parent.parent.description == "News from our regional networks"
    assert Category.objects.get(slug="hiv-aids").name == "HIV/AIDS"


def test_category_used_by_a_post_but_not_listed_is_created(output):
    assert set(post(102).categories.values_list("slug", flat=True)) == {"europe", "women"}


def test_non_ascii_slug_gets_an_ascii_one_and_a_warning(output):
    category = Category.objects.get(name="Здоровье")
    assert category.slug == "category-8"
    assert "Category 'здоровье': slug is not plain ASCII; imported as 'category-8'" in output


def test_tags_keep_wordpress_slugs_and_names(output):
    assert set(Tag.objects.values_list("slug", "name")) == {
        ("harm-reduction", "harm reduction"),
        ("naloxone", "naloxone"),
        ("peer-support", "peer support"),
    }
    assert set(post(101).tags.values_list("slug", flat=True)) == {"harm-reduction", "naloxone"}


# ---------------------------------------------------------------- posts
def test_post_fields_come_from_the_export(output):
    p = post(101)
    assert p.title == "The Global State of Harm Reduction for 2014"
    assert p.slug == "the-global-state-of-harm-reduction-for-2014"
    assert p.author.display_name == "Eliot Albers"
    assert p.publish_at == datetime(2015, 1, 27, 9, 0, tzinfo=UTC)
    assert p.status == Post.Status.PUBLISHED
    assert p.is_sticky is True
    assert p.allow_comments is True
    assert set(p.categories.values_list("slug", flat=True)) == {
        "eastern-european-countries",
        "hiv-aids",
    }
    assert post(102).allow_comments is False
    assert post(102).is_sticky is False


def test_excerpt_is_plain_text(output):
    assert post(102).excerpt == "A member\u2019s story of treatment."


@pytest.mark.parametrize(
    ("wp_id", "status"),
    [
        (101, Post.Status.PUBLISHED),
        (103, Post.Status.PUBLISHED),  # future: published, appears on its date
        (104, Post.Status.DRAFT),
        (105, Post.Status.DRAFT),  # pending review
        (106, Post.Status.DRAFT),  # private
        (107, Post.Status.DRAFT),  # password-protected
    ],
)
def test_statuses_are_mapped(output, wp_id, status):
    assert post(wp_id).status == status


def test_future_post_is_scheduled_not_public(output, client):
    scheduled = post(103)
    assert scheduled.publish_at == datetime(2030, 1, 1, 9, 0, tzinfo=UTC)
    assert not scheduled.is_public
    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_password_protected_post_is_kept_private_with_a_warning(output):
    assert "Post 'members-only' is password-protected in WordPress; imported as a draft" in output


def test_draft_without_gmt_date_uses_its_local_date_in_time_zone(settings, media_dir):
    settings.TIME_ZONE = "Europe/Paris"
    run_import("site_1_2.xml", "--media-dir", str(media_dir))
    draft = post(104)
    assert draft.publish_at == datetime(2015, 2, 1, 11, 0, tzinfo=UTC)  # 12:00 in Paris
    assert draft.slug == "a-draft-never-published"  # WordPress had no slug yet


def test_trash_is_not_imported_but_counted(output):
    assert not ImportedObject.objects.filter(kind="post", wp_id=108).exists()
    assert Post.objects.count() == 9
    assert "Not imported: 1 posts in WordPress's trash" in output
    assert "Not imported: 1 pages in WordPress's trash" in output
    assert "comments on other items" not in output  # those on pages are imported onto them
    assert "pages               5        0        0" in output
    assert "menu items          7        0        0" in output


def test_body_is_paragraphed_captioned_and_sanitised(output):
    body = post(101).body
    assert body.startswith(
        "<p>Harm Reduction International has published its report.<br>\nIt covers every region.</p>"
    )
    assert '<figure class="image image-style-block-align-right">' in body
    assert '<figcaption>The report\'s cover, art by <a href="https://artist.example.net"' in body
    assert "<h2>What it found</h2>\n<ul>\n<li>Needle and syringe programmes</li>" in body
    assert "<pre>line one\n\nline two</pre>" in body
    assert "<script" not in body and "alert" not in body
    assert body.count(MORE_MARKER) == 1
    assert body.index(MORE_MARKER) < body.index("<h2>")


def test_unknown_shortcodes_stay_in_the_text_and_are_reported(output):
    assert '<p>[gallery ids="201,202"]</p>' in post(101).body
    assert "Shortcodes left as text (edit these posts by hand): [gallery] x1" in output
    assert "Post 'the-global-state-of-harm-reduction-for-2014' keeps shortcodes as text" in output


def test_block_editor_post_is_not_paragraphed_twice(output):
    body = post(110).body
    assert "<p>First block\nsame paragraph.</p>" in body
    assert "<br" not in body and "wp:paragraph" not in body


def test_imported_body_is_what_post_save_would_store(output):
    p = post(101)
    stored = (p.body, p.body_text)
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM blog_post WHERE id = %s", [p.pk])
        vector = cursor.fetchone()[0]
    p.save()
    p.refresh_from_db()
    assert (p.body, p.body_text) == stored
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM blog_post WHERE id = %s", [p.pk])
        assert cursor.fetchone()[0] == vector
    assert vector  # the search vector was filled in by the bulk import


def test_imported_posts_are_found_by_search_vector(output):
    assert Post.objects.filter(search_vector="syringe").get() == post(101)


# ---------------------------------------------------------------- comments
def test_comment_threads_keep_parents_and_depth(output):
    maria, eliot, sam = comment(1001), comment(1002), comment(1003)
    assert (maria.parent, maria.depth) == (None, 0)
    assert (eliot.parent, eliot.depth) == (maria, 1)
    # 1003 came before its parent in the file.
    assert (sam.parent, sam.depth) == (eliot, 2)
    assert maria.post == post(101)


@pytest.mark.parametrize(
    ("wp_id", "status"),
    [
        (1001, Comment.Status.APPROVED),
        (1003, Comment.Status.PENDING),
        (1004, Comment.Status.SPAM),
        (1005, Comment.Status.REMOVED),
    ],
)
def test_comment_statuses_are_mapped(output, wp_id, status):
    assert comment(wp_id).status == status


def test_comment_author_fields_and_date(output):
    maria = comment(1001)
    assert maria.author_name == "Maria"
    assert maria.author_email == "maria@example.net"
    assert maria.author_url == "https://maria.example.net"
    assert maria.submitted_at == datetime(2015, 1, 28, 10, 0, tzinfo=UTC)
    assert maria.body == "Great report & thanks."
    assert comment(1002).author_url == ""  # a javascript: URL is dropped


def test_no_ip_address_is_stored(output):
    assert set(Comment.objects.values_list("ip_hash", "user_agent")) == {("", "")}
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM comments_comment")
        dump = repr(cursor.fetchall())
    assert "203.0.113.9" not in dump and "198.51.100.23" not in dump


def test_pingbacks_and_trackbacks_are_skipped_and_counted(output):
    assert not ImportedObject.objects.filter(kind="comment", wp_id__in=[1006, 1007]).exists()
    assert "Not imported: 2 pingbacks and trackbacks" in output


def test_reply_to_a_missing_comment_becomes_top_level_with_a_warning(output):
    ana = comment(1008)
    assert (ana.parent, ana.depth) == (None, 0)
    assert "Comment 1008 answers comment 999" in output


def test_comment_count_on_the_post_page(output, client):
    response = client.get(post(101).get_absolute_url())
    assert response.status_code == 200
    assert response.context["post"].comment_count == 3  # 1001, 1002, 1008
    assert "maria@example.net" not in response.text


# ---------------------------------------------------------------- summary
def test_summary_counts_every_kind_and_lists_warnings(output):
    lines = output.splitlines()
    assert lines[0] == "WordPress import"
    table = {line.split()[0]: line.split()[1:] for line in lines[2:8]}
    assert table == {
        "authors": ["3", "0", "0"],
        "categories": ["6", "0", "0"],
        "tags": ["3", "0", "0"],
        "posts": ["9", "0", "0"],
        "comments": ["9", "0", "0"],
        "attachments": ["2", "0", "1"],
    }
    warnings = [line for line in lines if line.startswith("  - ")]
    assert f"Warnings: {len(warnings)}" in lines
    assert any("lost.jpg" in w for w in warnings)


def test_wxr_1_1_imports_the_same_way():
    output = run_import("site_1_1.xml")
    p = Post.objects.get()
    assert p.title == "Harm Reduction Workers Union Takes Off in Toronto"
    assert p.body == "<p>Workers in harm reduction have formed a union.</p>\n<p>Join them.</p>"
    assert p.author.display_name == "Network Office"
    latin = Category.objects.get(slug="latin-countries")
    assert latin.parent.slug == "regional-information"
    assert list(p.tags.names()) == ["methadone"]
    reply = Comment.objects.get(author_name="Network Office")
    assert (reply.parent.author_name, reply.depth) == ("Dan", 1)
    assert "posts               1        0        0" in output


def test_unknown_newer_wxr_version_is_imported_with_a_warning(tmp_path):
    newer = tmp_path / "newer.xml"
    text = (FILES / "site_1_1.xml").read_text().replace("export/1.1/", "export/1.3/")
    newer.write_text(text.replace("<wp:wxr_version>1.1<", "<wp:wxr_version>1.3<"))
    output = run_import(str(newer))
    assert Post.objects.count() == 1
    assert "WXR version 1.3 is not one this importer was written for (1.0, 1.1, 1.2)" in output
