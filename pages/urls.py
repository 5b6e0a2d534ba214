"""Pages at their tree addresses: /about-us/, /about-us/our-history/. Included last in
inpud/urls.py, so every other route comes first (pages/reserved.py keeps slugs off them)."""

from django.urls import re_path

from pages import views

app_name = "pages"

urlpatterns = [
    re_path(
        r"^(?P<path>[-a-zA-Z0-9_]+(?:/[-a-zA-Z0-9_]+)*)/$", views.page_detail, name="page-detail"
    ),
]
