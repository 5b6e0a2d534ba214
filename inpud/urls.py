"""Every public address, and where its feature lives.

- Old WordPress links: query links at the root (/?p=12, /?page_id=7, /?cat=3 …) are answered
  by wordpress/middleware.py (MIDDLEWARE), old permalinks by django.contrib.redirects
  (rows written by blog/redirects.py and the importer).
- Error pages: Django's default handlers render templates/400.html, 403.html, 404.html and
  500.html; 403_csrf.html answers CSRF failures, 429.html views that rate-limit, and 405s
  get a page from inpud/middleware.py, bodies in another charset a 400 from inpud/guards.py,
  and a database outage or timeout a 503 (503.html) from inpud/errors.py.
"""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from accounts.views.login import staff_login
from blog.sitemaps import sitemap_index, sitemap_section
from core.uploads import upload_image
from inpud.health import healthz

# Uncaught exceptions: a database outage or timeout answers 503, anything else 500.
handler500 = "inpud.errors.server_error"

# Lazy, so the header follows the staff member's language on each request.
admin.site.site_header = lazy(
    lambda: _("%(site)s administration") % {"site": settings.SITE_NAME}, str
)()
admin.site.site_title = admin.site.site_header
admin.site.index_title = _("Write, publish and moderate")
# The admin's login is throttled and asks for a second factor (accounts/).
admin.site.login = staff_login

urlpatterns = [
    path("admin/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    # Replaces django_ckeditor_5.urls (its only route) with a validating, EXIF-stripping view;
    # the URL name is the one the CKEditor widget looks up.
    path("ckeditor5/image_upload/", upload_image, name="ck_editor_5_upload_file"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap-section"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots-txt",
    ),
    path("healthz", healthz, name="healthz"),
    path("campaigns/", include("campaigns.urls")),
    path("comments/", include("comments.urls")),
    path("your-data/", include("personaldata.urls")),
    path("", include("blog.urls")),
    # Last: pages answer any other address by their place in the tree (/about-us/history/).
    path("", include("pages.urls")),
]

if settings.SERVE_MEDIA:
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}, name="media"
        ),
    ]
