"""Search text PostgreSQL's web-search parser can always take.

``websearch_to_tsquery`` turns each "-" into a NOT and keeps them on a small stack: 32 or
more minus signs with no word between them (``- - - …``, a line of hyphens) fail with
"tsquery stack too small", a server error for a pasted line. A minus sign negates only the
word right after it, so the others mean nothing and are dropped; what people see in the
search box stays as they typed it.
"""

import re

_MINUS_RUN = re.compile(r"-{2,}")
_DANGLING_MINUS = re.compile(r"-(?!\w)")


def parseable(text: str) -> str:
    """``text`` with runs of minus signs made one, and minus signs before no word removed."""
    return _DANGLING_MINUS.sub(" ", _MINUS_RUN.sub("-", text))
