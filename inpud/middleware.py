import logging

from django.db import DataError
from django.shortcuts import render
from django.views.defaults import bad_request

logger = logging.getLogger(__name__)

# Public pages load nothing from other hosts: the browser enforces it with this policy.
PUBLIC_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)
# The admin's editor (CKEditor 5) injects inline styles and scripts; still same-host only.
ADMIN_POLICY = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefixes = ("/admin/", "/ckeditor5/")

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            staff_area = request.path.startswith(self.admin_prefixes)
            policy = ADMIN_POLICY if staff_area else PUBLIC_POLICY
            if response.status_code >= 500:
                # 500.html and 503.html (errors/standalone.html) carry their own inline CSS:
                # they must not need static files.
                policy = policy.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';")
            response["Content-Security-Policy"] = policy
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class MethodNotAllowedPageMiddleware:
    """Give Django's empty 405 answers (require_POST, a view's http_method_names) a page.

    Readers meet them by reloading the address a form was sent to, e.g. /comments/post/12/:
    they get the site's layout and a way on, not a blank screen. Allow is kept as it was.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.content or request.method == "HEAD":
            return response
        page = render(request, "405.html", status=405)
        page["Allow"] = response["Allow"]
        return page


class AdminBadQueryMiddleware:
    """A 400 page, not a 500, for admin addresses whose query parameters the database refuses.

    The admin passes list-filter parameters (?status__exact=…, ?post=…) straight to the
    database: PostgreSQL refuses NUL characters in text, and a number column refuses "²". An
    edited or truncated bookmark is bad input, not a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._is_admin(request) and any(
            "\x00" in value for _name, values in request.GET.lists() for value in values
        ):
            return bad_request(request, DataError("NUL character in a query parameter"))
        return self.get_response(request)

    def process_exception(self, request, exception):
        if self._is_admin(request) and request.method == "GET" and isinstance(exception, DataError):
            logger.warning("Admin query refused by the database: %s", request.path, exc_info=True)
            return bad_request(request, exception)
        return None

    @staticmethod
    def _is_admin(request):
        return request.path.startswith("/admin/")
