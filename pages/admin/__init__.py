"""Pages in the admin: the tree list, the form, roles (pages.roles) and revisions."""

from pages.admin import pages  # noqa: F401  (registers PageAdmin)
