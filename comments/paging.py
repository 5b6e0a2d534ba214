"""Which page of a post's or page's comments shows a comment.

Threads are kept whole: a page holds ``COMMENTS_THREADS_PER_PAGE`` top-level comments with
all their replies, oldest first. ``shape`` is the (pk, parent_id) of every approved comment
on one item, in that order; a reply to a comment not approved counts as a top-level one.
"""


def parents_and_roots(shape):
    parents = dict(shape)
    roots = [pk for pk, parent in shape if parent not in parents]
    return parents, roots


def root_of(pk, parents):
    """The top of pk's thread among approved comments (a reply to a hidden one is a root)."""
    while (parent := parents.get(pk)) in parents:
        pk = parent
    return pk


def page_holding(pk, parents, roots, per_page):
    """The page number showing pk, or None if pk is not an approved comment."""
    if pk not in parents:
        return None
    return roots.index(root_of(pk, parents)) // per_page + 1
