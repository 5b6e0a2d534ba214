"""Who may do what to a page: the same rules as posts (blog/roles.py).

- **Author** (``pages.change_page`` without ``pages.publish_page``): writes pages; edits,
  previews and deletes only their own drafts; their pages stay drafts.
- **Editor** (``pages.publish_page``): publishes, moves, edits and restores every page,
  and switches its comments on or off.
"""

PUBLISH = "pages.publish_page"
DRAFT = "draft"  # Page.Status.DRAFT; this module is imported by pages.models

ALL, OWN, NONE = "all", "own", "none"
EDITOR_FIELDS = ["status", "owner", "allow_comments"]

_AUTHOR = ["pages.add_page", "pages.change_page", "pages.delete_page", "pages.view_page"]
GROUPS = {"Author": _AUTHOR, "Editor": [*_AUTHOR, PUBLISH]}


def can_publish(user):
    return user.has_perm(PUBLISH)


def is_own(user, page):
    return page.owner_id is not None and page.owner_id == user.pk


def _own_draft(user, page):
    return is_own(user, page) and page.status == DRAFT


def can_edit(user, page):
    if can_publish(user):
        return user.has_perm("pages.change_page")
    return user.has_perm("pages.change_page") and _own_draft(user, page)


def can_delete(user, page):
    if can_publish(user):
        return user.has_perm("pages.delete_page")
    return user.has_perm("pages.delete_page") and _own_draft(user, page)


def can_view(user, page):
    return can_publish(user) or is_own(user, page)


def preview_scope(user):
    if can_publish(user):
        return ALL
    if user.has_perm("pages.change_page"):
        return OWN
    return NONE


def can_restore(user, page, old_fields):
    """An Author may only go back to a version that was their own draft."""
    if can_publish(user):
        return True
    return (
        can_edit(user, page)
        and old_fields.get("status") == DRAFT
        and old_fields.get("owner_id") == page.owner_id
    )


def can_recover_deleted(user):
    return can_publish(user)


def locked_fields(user):
    return [] if can_publish(user) else list(EDITOR_FIELDS)
