"""The move from a generic relation to Comment.post keeps every comment and its thread."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from blog.models import Post
from comments.models import Comment

BEFORE = [("comments", "0003_translatable_field_names"), ("blog", "0006_translatable_field_names")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_comments_keep_post_thread_status_and_moderation_stamps():
    old = migrate(BEFORE)
    try:
        user = old.get_model("auth", "User").objects.create(username="writer")
        author = old.get_model("blog", "Author").objects.create(
            user=user, display_name="Writer", slug="writer"
        )
        post = old.get_model("blog", "Post").objects.create(
            title="Old post", slug="old-post", author=author, status="published"
        )
        post_type = old.get_model("contenttypes", "ContentType").objects.get(
            app_label="blog", model="post"
        )
        OldComment = old.get_model("comments", "Comment")
        stamp = timezone.now()

        def comment(body, **kwargs):
            return OldComment.objects.create(
                content_type=post_type,
                object_id=post.pk,
                author_name="Reader",
                author_email="reader@example.org",
                body=body,
                **kwargs,
            )

        root = comment("Root", status="approved", moderated_by=user, moderated_at=stamp)
        reply = comment("Reply", status="approved", parent=root, depth=1)
        comment("Deeper", status="pending", parent=reply, depth=2)
        comment("Spam", status="spam")
        # A comment pointing at a post that is gone could never be shown: it goes.
        OldComment.objects.create(
            content_type=post_type, object_id=post.pk + 1000, author_name="x",
            author_email="x@example.org", body="Orphan",
        )  # fmt: skip
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    migrated = Post.objects.get(slug="old-post")
    comments = {c.body: c for c in Comment.objects.all()}
    assert sorted(comments) == ["Deeper", "Reply", "Root", "Spam"]
    assert all(c.post == migrated for c in comments.values())
    assert comments["Reply"].parent == comments["Root"]
    assert comments["Deeper"].parent == comments["Reply"]
    assert [comments[b].depth for b in ("Root", "Reply", "Deeper")] == [0, 1, 2]
    assert {b: c.status for b, c in comments.items()} == {
        "Root": "approved",
        "Reply": "approved",
        "Deeper": "pending",
        "Spam": "spam",
    }
    assert comments["Root"].moderated_by.username == "writer"
    assert comments["Root"].moderated_at == stamp
    assert migrated.comment_count == 2
