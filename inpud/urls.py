from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from blog.uploads import upload_image

urlpatterns = [
    path("admin/", admin.site.urls),
    # Replaces django_ckeditor_5.urls (its only route) with a validating, EXIF-stripping view;
    # the URL name is the one the CKEditor widget looks up.
    path("ckeditor5/image_upload/", upload_image, name="ck_editor_5_upload_file"),
    path("campaigns/", include("campaigns.urls")),
    path("comments/", include("comments.urls")),
    path("", include("blog.urls")),
]

if settings.SERVE_MEDIA:
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}, name="media"
        ),
    ]
