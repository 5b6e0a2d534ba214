"""Who may do what to a post: the one place that says it.

- **Author** (``blog.change_post`` without ``blog.publish_post``): writes posts; edits,
  previews and deletes only their own drafts; may restore only versions that were their
  own drafts. Their posts stay drafts, and author, status and sticky are not theirs to set.
- **Editor** (``blog.publish_post``): publishes and unpublishes, edits, previews, deletes
  and restores every post, and recovers deleted ones.

The admin, the post querysets and the post page all ask these functions; the groups that
carry the permissions are kept in step by ``GROUPS`` after every migrate.
"""

PUBLISH = "blog.publish_post"
DRAFT = "draft"  # Post.Status.DRAFT; this module is imported by blog.models

# What a post's preview scope may be: every post, the user's own, or only public ones.
ALL, OWN, NONE = "all", "own", "none"

# Fields only an Editor may set in the post form.
EDITOR_FIELDS = ["author", "status", "is_sticky"]

_AUTHOR = [
    "blog.add_post",
    "blog.change_post",
    "blog.delete_post",
    "blog.view_post",
    "blog.view_category",
    "taggit.add_tag",
    "taggit.view_tag",
]
GROUPS = {
    "Author": _AUTHOR,
    "Editor": [
        *_AUTHOR,
        PUBLISH,
        *(f"blog.{action}_{model}" for model in ("category", "author") for action in
          ("add", "change", "delete", "view")),
        *(f"taggit.{action}_{model}" for model in ("tag", "taggeditem") for action in
          ("add", "change", "delete", "view")),
        *(f"redirects.{action}_redirect" for action in ("add", "change", "delete", "view")),
    ],
}  # fmt: skip


def can_publish(user):
    return user.has_perm(PUBLISH)


def is_own(user, post):
    return post.author_id is not None and post.author.user_id == user.pk


def _own_draft(user, post):
    return is_own(user, post) and post.status == DRAFT


def can_edit(user, post):
    if can_publish(user):
        return user.has_perm("blog.change_post")
    return user.has_perm("blog.change_post") and _own_draft(user, post)


def can_delete(user, post):
    if can_publish(user):
        return user.has_perm("blog.delete_post")
    return user.has_perm("blog.delete_post") and _own_draft(user, post)


def can_view(user, post):
    """In the admin: Authors see only their own posts."""
    return can_publish(user) or is_own(user, post)


def preview_scope(user):
    """Which unpublished posts the user may open on the site."""
    if can_publish(user):
        return ALL
    if user.has_perm("blog.change_post"):
        return OWN
    return NONE


def can_restore(user, post, old_fields):
    """Restoring writes the old version at once, so an Author may only go back to a version
    that was their own draft (never to a published one, never to someone else's)."""
    if can_publish(user):
        return True
    return (
        can_edit(user, post)
        and old_fields.get("status") == DRAFT
        and old_fields.get("author_id") == post.author_id
    )


def can_recover_deleted(user):
    return can_publish(user)


def locked_fields(user):
    return [] if can_publish(user) else list(EDITOR_FIELDS)
