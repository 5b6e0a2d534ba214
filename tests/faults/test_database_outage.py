"""PostgreSQL stopped and restarted under load: honest 503s, and no acknowledged write lost.

gunicorn (three workers) runs on a PostgreSQL of the test's own (tests/faults/postgres.py),
migrated from scratch; client threads sign up without pause while the test stops the
database (every page must then answer 503 with Retry-After), starts it, and restarts it.
"""

import subprocess
import sys
import threading
import time

import psycopg2
import pytest

from tests.faults.postgres import OwnPostgres
from tests.faults.processes import BASE_DIR, Browser, Gunicorn, subprocess_env

pytestmark = pytest.mark.faults

SEED = """
from tests.blog.factories import make_post
from tests.campaigns.factories import make_campaign
make_post(slug="the-post", title="Harm reduction works")
make_campaign(slug="the-campaign")
"""
PAGES = [
    "/",
    "/search/?q=harm",
    "/campaigns/",
    "/campaigns/the-campaign/",
    "/feed/",
    "/sitemap-posts.xml",
    "/category/none/",
    "/healthz",
]
CLIENTS = 6


@pytest.fixture(scope="module")
def own_postgres():
    cluster = OwnPostgres()
    yield cluster
    cluster.destroy()


def _manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


class Load:
    """Sign-ups without pause; remembers every address the site acknowledged (a 302)."""

    def __init__(self, url):
        self.url = url
        self.acknowledged, self.statuses = [], []
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(CLIENTS)]
        for thread in self.threads:
            thread.start()

    def run(self, n):
        browser = Browser(self.url, timeout=10)
        while browser.get("/campaigns/the-campaign/")[0] != 200:
            time.sleep(0.2)
        i = 0
        while not self.stopping.is_set():
            email = f"c{n}-{i}@example.org"
            data = {"name": "Ana", "email": email, "country": "PT", "website": ""}
            status = browser.post("/campaigns/the-campaign/sign-up/", data)[0]
            with self.lock:
                self.statuses.append(status)
                if status == 302:
                    self.acknowledged.append(email)
            i += 1

    def wait_for_more(self, count=20, timeout=60):
        """Until ``count`` more sign-ups are acknowledged: the site is back and serving."""
        target = len(self.acknowledged) + count
        deadline = time.monotonic() + timeout
        while len(self.acknowledged) < target and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(self.acknowledged) >= target

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(60)


def test_stopped_and_restarted_database_gives_503s_and_loses_no_acknowledged_write(
    own_postgres, tmp_path
):
    env = subprocess_env(
        own_postgres.url,
        CAMPAIGNS_SIGNUP_RATE_LIMIT=1_000_000,
        DB_CONNECT_TIMEOUT=2,
        UNAVAILABLE_RETRY_AFTER_SECONDS=15,
    )
    started = time.monotonic()
    _manage(env, "migrate", "--noinput", "--verbosity", "0")
    _manage(env, "shell", "-c", SEED)
    migrated = time.monotonic() - started
    server = Gunicorn(env, tmp_path / "gunicorn.log", workers=3, threads=4)
    load = Load(server.url)
    down_pages = {}
    try:
        load.wait_for_more()
        own_postgres.stop()
        probe = Browser(server.url)
        for path in PAGES:
            status, headers, body = probe.get(path)
            down_pages[path] = (status, headers.get("Retry-After"), b"Traceback" in body)
        time.sleep(1)
        own_postgres.start()
        load.wait_for_more()
        own_postgres.restart()
        load.wait_for_more()
    finally:
        load.stop()
        server.stop()
    assert down_pages == {
        path: (503, "15" if path != "/healthz" else "10", False) for path in PAGES
    }
    assert not [s for s in load.statuses if s >= 500 and s != 503], server.output()
    assert load.statuses.count(503) > 0  # the outage was met under load
    with psycopg2.connect(own_postgres.url) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT lower(email) FROM campaigns_supporter")
        stored = {row[0] for row in cursor.fetchall()}
    lost = set(load.acknowledged) - stored
    print(
        f"migrate+seed {migrated:.0f}s; {len(load.statuses)} sign-ups sent, "
        f"{len(load.acknowledged)} acknowledged, {load.statuses.count(503)} answered 503, "
        f"{len(lost)} acknowledged and lost"
    )
    assert len(load.acknowledged) > 50
    assert lost == set()
