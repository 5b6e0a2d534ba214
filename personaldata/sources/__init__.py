"""Where personal data is held: one small source per kind of record.

A source finds what is held about an email address (``find``: a list of dicts, shown to
the person and exported as JSON) and erases it (``erase``: returns how many records). To
add one, write a class with ``key``, ``label``, ``find`` and
``erase`` in a module here and list it in ``SOURCES``.
"""

from personaldata.sources.comments import CommentSource
from personaldata.sources.contact import ContactMessageSource
from personaldata.sources.outbox import OutboxSource
from personaldata.sources.requests import DataRequestSource
from personaldata.sources.supporters import SupporterSource

# Order: what people recognise first; the outbox last (erasing sign-ups deletes their mail).
SOURCES = [
    CommentSource(),
    SupporterSource(),
    ContactMessageSource(),
    OutboxSource(),
    DataRequestSource(),
]
