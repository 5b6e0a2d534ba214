"""Real processes for the fault tests: the outbox worker and gunicorn, on a given database."""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

from tests.faults.smtp import free_port

BASE_DIR = Path(settings.BASE_DIR)


def test_database_url():
    """The database this test runs on (the test database), as a URL for a subprocess."""
    params = connection.settings_dict
    user = urllib.parse.quote(params["USER"] or "")
    password = urllib.parse.quote(params["PASSWORD"] or "")
    auth = f"{user}:{password}@" if password else f"{user}@"
    # The embedded PostgreSQL (no DATABASE_URL) is a Unix socket given as OPTIONS["host"].
    host = params["HOST"] or params["OPTIONS"].get("host", "")
    if host.startswith("/"):
        query = "?host=" + urllib.parse.quote(host)
        return f"postgres://{auth}/{params['NAME']}{query}"
    return f"postgres://{auth}{host}:{params['PORT'] or 5432}/{params['NAME']}"


def subprocess_env(database_url, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "inpud.settings.test",
            "TEST_REAL_MAIL": "1",  # the database queue and SMTP, not the test doubles
            "DATABASE_URL": database_url,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_TIMEOUT": "2",
            "OUTBOX_RETRY_BASE_SECONDS": "1",
            "OUTBOX_RETRY_MAX_SECONDS": "2",
            "OUTBOX_STALLED_AFTER_SECONDS": "3",
            "LOG_LEVEL": "WARNING",
        }
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


class Process:
    def __init__(self, args, env, log_path):
        self.log_path = log_path
        self.log = open(log_path, "wb")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            args, cwd=BASE_DIR, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )

    def kill(self):
        """SIGKILL: no clean-up, as a crash or the OOM killer would do it."""
        self.proc.kill()
        self.proc.wait(10)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.log.close()

    def output(self):
        return Path(self.log_path).read_text(errors="replace")


def start_worker(env, log_path):
    return Process(
        [sys.executable, "manage.py", "outbox_worker", "--interval", "0.1", "--sweep-every", "1"],
        env,
        log_path,
    )


class Gunicorn(Process):
    def __init__(self, env, log_path, workers=3, threads=4):
        self.port = free_port()
        env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_THREADS": str(threads),
        }
        gunicorn = Path(sys.executable).with_name("gunicorn")
        super().__init__(
            [gunicorn, "inpud.wsgi:application", "--config", "gunicorn.conf.py"], env, log_path
        )
        self.url = f"http://127.0.0.1:{self.port}"
        self.wait_until_up()

    def wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("gunicorn exited:\n" + self.output())
            try:
                urllib.request.urlopen(self.url + "/robots.txt", timeout=2).read()
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start:\n" + self.output())


class Browser:
    """Cookies and CSRF tokens over real HTTP, as a person's browser would send them."""

    def __init__(self, base_url, timeout=10):
        self.base_url = base_url
        self.timeout = timeout
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            _NoRedirect(),
        )
        self.token = ""

    def get(self, path):
        response = self._open(urllib.request.Request(self.base_url + path))
        if match := re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response[2]):
            self.token = match.group(1).decode()
        return response

    def post(self, path, data):
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.token, **data}).encode()
        request = urllib.request.Request(
            self.base_url + path,
            data=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": self.base_url + "/",
                "Origin": self.base_url,
            },
        )
        return self._open(request)

    def _open(self, request):
        """(status, headers, body); a refused connection is status 0."""
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()
        except (OSError, urllib.error.URLError):
            return 0, {}, b""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
