"""Images and files: featured images, links in bodies, missing files, unsafe paths."""

from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from blog.models import Post
from tests.wordpress.conftest import run_import
from wordpress.models import ImportedObject

pytestmark = pytest.mark.django_db


def post(wp_id):
    return Post.objects.get(pk=ImportedObject.objects.get(kind="post", wp_id=wp_id).object_id)


def test_featured_image_comes_from_the_attachment_listed_after_the_post(media_dir):
    run_import("site_1_2.xml", "--media-dir", str(media_dir))
    p = post(101)
    assert p.featured_image.name == "wordpress/2015/01/global-state.jpg"
    assert p.featured_image_alt == "Cover of the report"
    with p.featured_image.open("rb") as stored:
        assert stored.read() == (media_dir / "2015/01/global-state.jpg").read_bytes()


def test_featured_image_alt_falls_back_to_the_attachment_title(media_dir):
    run_import("site_1_2.xml", "--media-dir", str(media_dir))
    p = post(102)
    assert p.featured_image.name == "wordpress/2015/01/treatment.jpg"
    assert p.featured_image_alt == "Art by a member"


def test_post_page_shows_the_imported_image(media_dir, client):
    run_import("site_1_2.xml", "--media-dir", str(media_dir))
    page = client.get(post(101).get_absolute_url()).text
    assert 'src="/media/wordpress/2015/01/global-state.jpg"' in page
    assert "inpud.example.org/wp-content" not in page


def test_body_links_to_uploads_point_at_the_copied_files(media_dir):
    run_import("site_1_2.xml", "--media-dir", str(media_dir))
    body = post(101).body
    # The 300x200 copy in the body is replaced by the original it was made from.
    assert '<img src="/media/wordpress/2015/01/global-state.jpg"' in body
    assert 'href="/media/wordpress/2015/01/global-state.jpg"' in body
    assert 'href="/media/wordpress/2015/01/report.pdf"' in body
    assert "wp-content" not in body
    assert default_storage.exists("wordpress/2015/01/report.pdf")
    assert not default_storage.exists("wordpress/2015/01/global-state-300x200.jpg")


def test_missing_file_is_a_warning_not_a_failure(media_dir):
    output = run_import("site_1_2.xml", "--media-dir", str(media_dir))
    assert "Attachment 203: file '2015/01/lost.jpg' not found in --media-dir; skipped" in output
    assert ImportedObject.objects.get(kind="attachment", wp_id=203).file == ""
    assert Post.objects.count() == 9


def test_without_media_dir_nothing_is_copied_and_links_stay(settings):
    output = run_import("site_1_2.xml")
    assert "No --media-dir given: 3 attachments were not copied" in output
    assert not Path(settings.MEDIA_ROOT).exists() or not any(Path(settings.MEDIA_ROOT).rglob("*"))
    p = post(101)
    assert not p.featured_image
    assert "https://inpud.example.org/wp-content/uploads/2015/01/report.pdf" in p.body


def test_media_dir_given_later_adds_the_images(media_dir):
    run_import("site_1_2.xml")
    output = run_import("site_1_2.xml", "--media-dir", str(media_dir))
    assert post(101).featured_image.name == "wordpress/2015/01/global-state.jpg"
    assert "/media/wordpress/2015/01/report.pdf" in post(101).body
    assert "posts               0        2        7" in output  # bodies + featured images


def test_files_are_copied_once(media_dir, settings):
    run_import("site_1_2.xml", "--media-dir", str(media_dir))
    run_import("site_1_2.xml", "--media-dir", str(media_dir))
    files = Path(settings.MEDIA_ROOT).rglob("*")
    # Featured images also get renditions (blog/images.py), in a folder of their own.
    stored = sorted(p.name for p in files if p.is_file() and "renditions" not in p.parts)
    assert stored == ["global-state.jpg", "report.pdf", "treatment.jpg"]


def test_a_different_file_already_stored_under_the_name_is_kept(media_dir):
    default_storage.save("wordpress/2015/01/treatment.jpg", open(__file__, "rb"))  # noqa: SIM115
    output = run_import("site_1_2.xml", "--media-dir", str(media_dir))
    assert "wordpress/2015/01/treatment.jpg already exists in media storage" in output
    with default_storage.open("wordpress/2015/01/treatment.jpg") as kept:
        assert kept.read() == Path(__file__).read_bytes()


def test_paths_never_leave_the_media_dir_and_other_sites_are_untouched(media_dir):
    (media_dir.parent / "secret.txt").write_text("do not copy")
    output = run_import("media_edge.xml", "--media-dir", str(media_dir))
    body = post(1).body
    assert '<img src="/media/wordpress/2015/01/treatment.jpg" alt="ours, root-relative">' in body
    assert '<img src="/media/wordpress/2015/01/global-state.jpg" alt="ours, www">' in body
    # Not rewritten to our copy; and, like any image from another host, its address is
    # dropped on save (blog/sanitize.py) while its description stays.
    assert '<img alt="theirs">' in body
    assert (
        "Post 'links-of-every-kind' shows images from other sites; their addresses were dropped: "
        "https://other.example.com/wp-content/uploads/2015/01/treatment.jpg" in output
    )
    assert "/media/" not in body.split("escape attempt")[0].split("theirs")[1]
    assert not default_storage.exists("secret.txt")
    assert not default_storage.exists("wordpress/secret.txt")
    assert "Attachment 50: file '../secret.txt' not found in --media-dir" in output


def test_featured_image_whose_attachment_is_not_in_the_export_is_reported(media_dir):
    output = run_import("media_edge.xml", "--media-dir", str(media_dir))
    assert not post(1).featured_image
    assert "featured image (attachment 77) is not in the export" in output
