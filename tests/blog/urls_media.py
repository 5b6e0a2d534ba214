"""The real URLs plus /media/, so browser tests can check that uploaded images load.

Tests run with DEBUG off, where inpud/urls.py leaves uploads to the web server.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

import inpud.urls


def media(request, path):
    # MEDIA_ROOT changes per test (tests/conftest.py), so it is read on each request.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", media),
]
# Not include(): i18n_patterns may only sit in a root URLconf.
urlpatterns += inpud.urls.urlpatterns
