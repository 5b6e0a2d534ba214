"""Server time of one request, measured through Django's WSGI handler (no test client).

The test client records every rendered template and context, which a real server does not;
calling the WSGI handler directly times what gunicorn's worker runs.
"""

import io
import statistics
import sys
import time
from urllib.parse import urlsplit

from django.core.handlers.wsgi import WSGIHandler

_handler = None


def handler():
    global _handler
    if _handler is None:
        _handler = WSGIHandler()
    return _handler


def request(url, *, method="GET", headers=None):
    """Run one request; returns (status code, headers dict, body bytes)."""
    parts = urlsplit(url)
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": parts.path,
        "QUERY_STRING": parts.query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    status = {}

    def start_response(code, response_headers, exc_info=None):
        status["code"] = int(code.split()[0])
        status["headers"] = dict(response_headers)

    body = b"".join(handler()(environ, start_response))
    return status["code"], status["headers"], body


def median_ms(url, runs=30, **kwargs):
    request(url, **kwargs)  # warm per-process caches, as a running server has them
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        request(url, **kwargs)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000
