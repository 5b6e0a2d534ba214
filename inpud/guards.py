"""Requests refused before anything reads them: a 400 page, never a 500.

Kept apart from inpud/middleware.py (the site's response policies): these run first.
"""

from django.core.exceptions import BadRequest
from django.views.defaults import bad_request

# What every form on the site sends (<meta charset="utf-8">), spelled as Django accepts it.
READABLE_CHARSETS = {"utf-8"}


class RequestCharsetMiddleware:
    """A body declared in another charset (``charset=latin-1``, ``utf-16``) gets a 400 page.

    Django would decode the form in that charset, and its CSRF check and error handlers
    read the body again and fail again: one 80-byte request, a 500 and pages of traceback.
    Browsers never send this for our forms, so it is refused before anything reads the body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        charset = request.content_params.get("charset") if request.content_type else None
        if charset is not None and charset.strip().lower() not in READABLE_CHARSETS:
            # The page must not read the body either: nothing here touches request.POST.
            request._body = b""
            return bad_request(request, BadRequest(f"unsupported request charset {charset!r}"))
        return self.get_response(request)
