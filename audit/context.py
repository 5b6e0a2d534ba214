"""The request being served, so signal receivers (role changes) know who made a change."""

import contextvars

_request = contextvars.ContextVar("audit_request", default=None)


def current_request():
    return _request.get()


class AuditContextMiddleware:
    """Remember the request while it runs (after AuthenticationMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
