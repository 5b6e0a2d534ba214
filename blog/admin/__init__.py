"""The blog in the admin: posts (with revisions), categories, tags and authors."""

from blog.admin import posts, taxonomy  # noqa: F401  (each module registers its admins)
