"""30 wrong passwords for one account from three sender processes, against gunicorn with
three worker processes on PostgreSQL: exactly the allowed attempts are checked, every
later one is refused without hashing a password, the right password too until the lock
ends, and an account that does not exist gets the very same answers."""

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections import Counter as Tally
from datetime import timedelta
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import F

from tests.accounts.factories import PASSWORD
from tests.blog.factories import make_staff
from throttle.models import Counter

pytestmark = pytest.mark.django_db(transaction=True)

SENDERS = 3
WRONG_PER_SENDER = 10
LIMIT = settings.ACCOUNTS_LOGIN_ATTEMPTS


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """gunicorn, three workers, on the test database; its logs say which process did what."""
    port = free_port()
    logs = {"HASHER_LOG": tmp_path / "hashings.log", "REQUEST_LOG": tmp_path / "requests.log"}
    for path in logs.values():
        path.touch()
    env = {
        **os.environ,
        **{name: str(path) for name, path in logs.items()},
        "DJANGO_SETTINGS_MODULE": "tests.accounts.server_settings",
        "INPUD_TEST_DATABASE": connection.settings_dict["NAME"],
        # This test is about the per-account lock: every sender is 127.0.0.1.
        "ACCOUNTS_LOGIN_IP_ATTEMPTS": "1000",
    }
    env.pop("DEBUG", None)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [gunicorn, "inpud.wsgi:application", "--workers", "3", "--bind", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urlopen(f"{base_url}/admin/login/", timeout=5).read()  # noqa: S310 (loopback)
                break
            except (URLError, ConnectionError):
                assert process.poll() is None, "gunicorn did not start"
                assert time.monotonic() < deadline, "gunicorn did not answer in time"
                time.sleep(0.3)
        yield base_url, logs
    finally:
        process.terminate()
        process.wait(timeout=30)


def send_from_processes(base_url, username, password, count, senders=SENDERS):
    """``senders`` separate processes, each sending ``count`` attempts at the same time."""
    command = [sys.executable, "-m", "tests.accounts.sender", base_url, username, password]
    running = [
        subprocess.Popen(
            [*command, str(count)], cwd=settings.BASE_DIR, stdout=subprocess.PIPE, text=True
        )
        for _ in range(senders)
    ]
    answers = []
    for process in running:
        out, _err = process.communicate(timeout=300)
        assert process.returncode == 0
        answers += json.loads(out)
    return answers


def hashings(logs):
    """Password hashings so far, per gunicorn worker process."""
    return Tally(line.split()[0] for line in logs["HASHER_LOG"].read_text().splitlines())


def comparable(body, username):
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    return body.replace(f'value="{username}"', 'value="…"')


def test_thirty_wrong_passwords_from_three_processes(server):
    base_url, logs = server
    make_staff("Editor", username="target", password=PASSWORD)

    answers = send_from_processes(base_url, "target", "wrong", WRONG_PER_SENDER)
    statuses = Tally(status for status, _body in answers)
    assert statuses == {200: LIMIT, 429: SENDERS * WRONG_PER_SENDER - LIMIT}
    per_process = hashings(logs)
    print("hashings per gunicorn worker:", dict(per_process))
    assert sum(per_process.values()) == LIMIT  # the 25 refused attempts hashed nothing
    workers = {line.split()[0] for line in logs["REQUEST_LOG"].read_text().splitlines()}
    print("gunicorn workers that answered:", len(workers))
    assert len(workers) >= 2  # really several server processes

    # The right password is refused while the lock lasts, still without hashing.
    [(status, locked_page)] = send_from_processes(base_url, "target", PASSWORD, 1, senders=1)
    assert status == 429
    assert "logging in is paused" in locked_page
    assert sum(hashings(logs).values()) == LIMIT

    # An account that does not exist: the same answers, the same number of hashings
    # (Django hashes a dummy password for unknown names, so timing does not tell either).
    unknown = send_from_processes(base_url, "nobody", "wrong", WRONG_PER_SENDER)
    assert Tally(status for status, _ in unknown) == statuses
    assert sum(hashings(logs).values()) == 2 * LIMIT
    refused = {comparable(body, "nobody") for status, body in unknown if status == 429}
    assert refused == {comparable(locked_page, "target")}
    checked = {comparable(body, "nobody") for status, body in unknown if status == 200}
    wrong = {comparable(body, "target") for status, body in answers if status == 200}
    assert checked == wrong

    # The lock ends with its window (moved into the past here, as time would): the right
    # password works again.
    lock = timedelta(minutes=settings.ACCOUNTS_LOCK_MINUTES)
    Counter.objects.filter(scope="login-account").update(window_start=F("window_start") - lock)
    [(status, _body)] = send_from_processes(base_url, "target", PASSWORD, 1, senders=1)
    assert status == 302
    assert sum(hashings(logs).values()) == 2 * LIMIT + 1
