"""What a post revision stores, and the line diff shown by the admin's "Compare" page."""

import difflib
import re

import reversion
from taggit.models import TaggedItem

from blog.models import Post

# Tags live in taggit's TaggedItem rows, so a revision follows them; the search vector is
# derived data and is rebuilt on the next save.
if not reversion.is_registered(TaggedItem):
    reversion.register(TaggedItem)
if not reversion.is_registered(Post):
    reversion.register(Post, follow=["tagged_items"], exclude=["search_vector"])

# CKEditor writes a whole post on one line; break after block elements to diff by paragraph.
BLOCK_END = re.compile(r"(</(?:p|h[1-6]|li|ul|ol|blockquote|figure|table|tr|pre)>|<br\s*/?>)")
KINDS = {"  ": "same", "+ ": "added", "- ": "removed"}


def _lines(text):
    return BLOCK_END.sub(r"\1\n", text or "").splitlines()


def diff_lines(old, new):
    """[(kind, line)] with kind "same", "added" or "removed"; the template escapes lines."""
    return [
        (KINDS[line[:2]], line[2:])
        for line in difflib.ndiff(_lines(old), _lines(new))
        if line[:2] in KINDS
    ]
