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

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
