"""Public forms without a CSRF cookie: the browser itself says where a POST comes from.

Readers get no cookie at all, so the comment, sign-up and supporter forms cannot carry
Django's CSRF token. Browsers send ``Sec-Fetch-Site`` with every request (and ``Origin``
with every POST); a POST from another site's page is refused with a 403 page and nothing
is stored. A request with neither header does not come from a browser page, so no reader
can be tricked into sending it. Readers have no session, so there is nothing another site
could act as. Staff pages keep Django's CSRF tokens.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

ALLOWED_FETCH_SITES = {"same-origin", "none"}  # "none": typed or bookmarked by the user
SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def own_origins(request):
    origins = {_origin(settings.SITE_URL), *map(_origin, settings.CSRF_TRUSTED_ORIGINS)}
    origins.add(f"{request.scheme}://{request.get_host()}".lower())
    return origins


def is_same_site(request):
    fetch_site = request.headers.get("Sec-Fetch-Site")
    origin = request.headers.get("Origin")
    if fetch_site in ALLOWED_FETCH_SITES:
        return True
    if origin is not None:
        return origin.lower() in own_origins(request)
    return fetch_site is None  # neither header: not sent by a browser page


def same_site_post(view):
    """For public views that take a POST: refuse one (or a PUT, DELETE…) sent from another
    site's page."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in SAFE_METHODS and not is_same_site(request):
            return render(request, "403_cross_site.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


def private_page(view):
    """A page with one person's details or the outcome of their form: never kept anywhere."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapped
