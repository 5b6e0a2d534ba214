from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from blog.models import Post
from comments.models import Comment
from demo.blog import load as load_blog_demo
from demo.comments import load as load_comments_demo
from tests.blog.factories import make_post
from tests.comments.factories import make_comment

pytestmark = pytest.mark.django_db


def test_purge_clears_metadata_older_than_the_retention(settings):
    settings.COMMENTS_METADATA_RETENTION_DAYS = 30
    post = make_post()
    now = timezone.now()
    old = make_comment(
        post, ip_hash="a" * 64, user_agent="Old/1", submitted_at=now - timedelta(days=31)
    )
    recent = make_comment(
        post, ip_hash="b" * 64, user_agent="New/1", submitted_at=now - timedelta(days=29)
    )
    out = StringIO()
    call_command("purge_comment_metadata", stdout=out)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_hash, old.user_agent) == ("", "")
    assert (recent.ip_hash, recent.user_agent) == ("b" * 64, "New/1")
    # The comment itself is untouched.
    assert old.body and old.author_email and old.status == "approved"
    assert "Cleared sender metadata from 1 comments" in out.getvalue()


def test_purge_days_option_and_second_run(settings):
    post = make_post()
    make_comment(post, ip_hash="c" * 64, submitted_at=timezone.now() - timedelta(days=3))
    out = StringIO()
    call_command("purge_comment_metadata", "--days", "2", stdout=out)
    call_command("purge_comment_metadata", "--days", "2", stdout=out)
    assert not Comment.objects.exclude(ip_hash="").exists()
    assert "from 0 comments" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("purge_comment_metadata", "--days", "-1")


def test_demo_comments_match_the_seed_counts_and_are_idempotent(client):
    out = StringIO()
    load_blog_demo(out)
    load_comments_demo(out)
    load_comments_demo(out)
    counts = dict(Post.objects.for_listing().values_list("slug", "comment_count"))
    assert counts["my-treatment-their-treatment-my-hell"] == 3
    assert counts["drug-user-peace-initiative-launched"] == 2
    assert sum(counts.values()) == 5
    assert Comment.objects.count() == 5
    home = client.get("/").text
    assert "3 Comments" in home
    assert "2 Comments" in home
    assert "Leave a comment" in home


def test_load_demo_command_runs_twice(client):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert Comment.objects.approved().count() == 5
