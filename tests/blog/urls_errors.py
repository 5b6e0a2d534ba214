"""The real URLs plus two views that fail, to exercise the 403 and 500 handlers."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path


def fail(request):
    raise RuntimeError("a bug")


def forbid(request):
    raise PermissionDenied


urlpatterns = [
    path("test-500/", fail),
    path("test-403/", forbid),
    path("", include("inpud.urls")),
]
