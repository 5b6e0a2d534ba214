"""Logs that reach the team: JSON lines on stderr, and server errors mailed to ADMINS.

Neither carries what the site never keeps: no IP address, and signed links (supporter
tokens) in paths are masked, since logs and the outbox are kept for weeks.
"""

import hashlib
import json
import logging
import re
import time
import traceback

from django.conf import settings
from django.utils.module_loading import import_string

# A path segment holding a signed value ("<data>:<timestamp>:<signature>").
_TOKEN = re.compile(r"/[A-Za-z0-9_\-]+:[A-Za-z0-9_\-]+:[A-Za-z0-9_\-]{20,}")
_internal = logging.getLogger("inpud.logs")


def redact(text: str) -> str:
    return _TOKEN.sub("/[token]", str(text))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request, exception."""

    def format(self, record):
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = redact(request.path)
        if (status := getattr(record, "status_code", None)) is not None:
            entry["status"] = status
        if record.exc_info and record.exc_info[0] is not None:
            entry["exception"] = record.exc_info[0].__name__
            entry["traceback"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class OutboxAdminEmailHandler(logging.Handler):
    """Mail each error to ADMINS through the outbox: the request never waits on SMTP.

    The report is the message and the traceback only (Django's own report includes the
    request's headers and form, with the sender's IP and email). One email per kind of
    error per ten minutes, so an outage does not bury the team. When the database itself
    is down the outbox is too: the stderr log line is then the record.
    """

    window_seconds = 600

    def emit(self, record):
        if not settings.ADMINS:
            return
        try:
            message = redact(record.getMessage())
            details = ""
            if record.exc_info and record.exc_info[0] is not None:
                details = redact("".join(traceback.format_exception(*record.exc_info)))
            kind = f"{record.name}:{message}:{details.splitlines()[-1:] or ''}"
            digest = hashlib.sha256(kind.encode()).hexdigest()[:16]
            bucket = int(time.time()) // self.window_seconds
            subject = f"{settings.EMAIL_SUBJECT_PREFIX}{record.levelname}: {message}"
            # Looked up when used: logging is configured before the apps (and so the
            # outbox's models) are loaded.
            enqueue = import_string("outbox.api.enqueue")
            for _name, address in settings.ADMINS:
                enqueue(
                    to=address,
                    subject=subject,
                    body=f"{message}\n\n{details}",
                    key=f"error:{digest}:{bucket}:{address}",
                    topic="error",
                    from_email=settings.SERVER_EMAIL,
                )
        except Exception as exc:  # never let reporting an error raise another
            _internal.warning("Could not queue the error email for ADMINS: %s", exc)
