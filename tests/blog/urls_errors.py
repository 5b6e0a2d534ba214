"""The real URLs plus two views that fail, to exercise the 403 and 500 handlers."""

from django.core.exceptions import PermissionDenied
from django.urls import path

import inpud.urls


def fail(request):
    raise RuntimeError("a bug")


def forbid(request):
    raise PermissionDenied


urlpatterns = [
    path("test-500/", fail),
    path("test-403/", forbid),
]
# Not include(): i18n_patterns may only sit in a root URLconf.
urlpatterns += inpud.urls.urlpatterns
