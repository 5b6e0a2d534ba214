"""Files that cannot be imported: a one-line error with its position, and nothing written."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from django.db import connection

from blog.models import Author, Category, Post
from comments.models import Comment
from tests.wordpress.conftest import export, run_import
from wordpress.models import ImportedObject
from wordpress.posts import PostBatch

pytestmark = pytest.mark.django_db


def assert_nothing_written():
    assert Post.objects.count() == 0
    assert Comment.objects.count() == 0
    assert Category.objects.count() == 0
    assert Author.objects.count() == 0
    assert get_user_model().objects.count() == 0
    assert ImportedObject.objects.count() == 0


def import_error(name, *args):
    with pytest.raises(CommandError) as caught:
        run_import(name, *args)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_truncated_file_rolls_everything_back(media_dir):
    message = import_error("truncated.xml", "--media-dir", str(media_dir))
    assert "truncated.xml: The file ends too early" in message
    assert "(line " in message and "column " in message
    assert_nothing_written()


def test_truncated_file_after_posts_and_comments_were_written_rolls_back(media_dir, monkeypatch):
    writes = []
    import_batch = PostBatch.import_batch

    def import_and_count(batch, items):
        import_batch(batch, items)
        writes.append(Post.objects.count() + Comment.objects.count())

    monkeypatch.setattr("wordpress.importer.BATCH_POSTS", 1)  # write each post as it is read
    monkeypatch.setattr(PostBatch, "import_batch", import_and_count)
    import_error("truncated.xml", "--media-dir", str(media_dir))
    assert writes == [1 + 6]  # the first post and its comments were in the database...
    assert_nothing_written()  # ...and are gone


def test_truncated_file_deletes_the_files_it_had_copied(media_dir, settings):
    import_error("truncated.xml", "--media-dir", str(media_dir))
    assert not default_storage.exists("wordpress/2015/01/global-state.jpg")
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.jpg"))


def test_not_xml_is_refused_with_position():
    message = import_error("not_xml.xml")
    assert message == "not_xml.xml: Not a valid XML file: syntax error (line 1, column 1)"
    assert_nothing_written()


def test_valid_xml_that_is_not_a_wordpress_export_is_refused():
    message = import_error("not_wxr.xml")
    assert message.startswith("not_wxr.xml: Not a WordPress export (WXR)")
    assert "found <rss>" in message
    assert "(line 3, column" in message
    assert_nothing_written()


def test_empty_file_is_refused():
    message = import_error("empty.xml")
    assert "The file ends too early: it is empty" in message
    assert_nothing_written()


def test_wrong_encoding_is_named_with_its_line():
    message = import_error("latin1.xml")
    assert "says it is UTF-8 but this line is not valid UTF-8" in message
    assert "(line 9, column" in message
    assert_nothing_written()


def test_billion_laughs_is_refused_before_expanding():
    message = import_error("billion_laughs.xml")
    assert "Refused: the file declares the XML entity 'lol'" in message
    assert "entity-expansion bomb" in message
    assert "(line 4, column" in message
    assert_nothing_written()


def test_external_entity_is_refused_and_never_read():
    message = import_error("xxe.xml")
    assert "the XML entity 'xxe' pointing to file:///etc/passwd" in message
    assert "(XXE)" in message
    assert "root:" not in message
    assert_nothing_written()


def test_missing_file_and_media_dir_are_clear_errors(tmp_path):
    assert import_error("does-not-exist.xml").endswith("does-not-exist.xml: no such file")
    message = import_error("site_1_2.xml", "--media-dir", str(tmp_path / "nowhere"))
    assert message.endswith("nowhere: no such folder")
    assert_nothing_written()


@pytest.mark.parametrize("name", ["truncated.xml", "xxe.xml", "not_wxr.xml"])
def test_command_exits_non_zero_with_one_line_on_stderr(name):
    db = connection.settings_dict  # the test database, so the command sees its tables
    host = db["OPTIONS"].get("host") or db["HOST"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "inpud.settings.test",
        "DATABASE_URL": f"postgresql://{db['USER']}:@/{db['NAME']}?host={host}",
    }
    result = subprocess.run(  # noqa: S603 (our own manage.py and test files)
        [sys.executable, "manage.py", "import_wordpress", export(name)],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"CommandError: {name}: ")
    assert "(line " in lines[0]
