"""The 500 handler, which tells a database outage (503, try again) from a bug (500).

Django calls ``handler500`` for every uncaught exception, raised in a view or in a
middleware, while the exception is being handled; so one place sees them all. A database
that is down, restarting, or past a lock or statement timeout is not a bug in the page:
the answer is 503 with ``Retry-After``, on a standalone page that needs no database.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


def database_unavailable(exc) -> bool:
    """Connection refused or lost, server shutting down, lock or statement timeout."""
    return isinstance(exc, OperationalError | InterfaceError)


def unavailable_response():
    html = loader.get_template("503.html").render()
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(settings.UNAVAILABLE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request, template_name="500.html"):
    if database_unavailable(sys.exc_info()[1]):
        return unavailable_response()
    # Like django.views.defaults.server_error, rendered without a request: no context
    # processor (which could query the failing database) runs.
    response = HttpResponseServerError(loader.get_template(template_name).render())
    response["Cache-Control"] = "no-store"
    return response
