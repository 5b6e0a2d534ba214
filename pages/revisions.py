"""Page revisions (django-reversion), compared and restored like posts' (blog/admin)."""

import reversion

from pages.models import Page


def register():
    if not reversion.is_registered(Page):
        reversion.register(Page)
