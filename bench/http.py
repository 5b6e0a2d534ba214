"""Requests a second through real servers, measured with wrk (Debian's), in one interleaved run.

The site of bench/dataset.py (2,000 posts and 10,000 comments; BENCH_SCALE=large: 100,000
and 1,000,000) is served by gunicorn as deployed (the production settings and
gunicorn.conf.py: three workers), and each page is measured four ways, round after round,
so a busy moment of the machine hits every way alike:

- caches off: gunicorn with the app's page cache off (fragments on);
- app page cache: gunicorn with PAGE_CACHE on, no nginx;
- nginx cache: nginx with the shipped config (deploy/nginx/) in front of the first gunicorn;
- static file: the same page's bytes served by that nginx from a file.

wrk runs on the same two cores as everything else, so figures are lower than on a server
with a separate client; the ratios are what the targets are about.
"""

import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.management import call_command
from django.db import connection

from bench import dataset
from bench.nginx import SERVER_NAME, Nginx, free_port
from bench.public_pages import SCALES, pages

ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
SECONDS = int(os.environ.get("BENCH_SECONDS", 4))
CONNECTIONS = 16
PAGES = ["home", "post with comments", "category (tree)", "tag", "home page 5",
         "search 'harm'", "RSS feed", "robots.txt"]  # fmt: skip
MODES = ["caches off", "app page cache", "nginx cache", "static file"]


def database_url():
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = quote(db["PASSWORD"] or "", safe="")
    host, port = db["HOST"] or db["OPTIONS"].get("host", ""), db["PORT"] or ""
    if host.startswith("/"):  # a Unix socket (the embedded PostgreSQL)
        return f"postgres://{user}:{password}@/{db['NAME']}?host={quote(host, safe='/')}"
    return f"postgres://{user}:{password}@{host}:{port}/{db['NAME']}"


def server_env(*, page_cache, static_root):
    """The production settings, as deployed behind nginx."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "inpud.settings.production",
        # Requests come over plain HTTP from wrk, and over HTTPS through nginx.
        "SECURE_SSL_REDIRECT": "0",
        "BEHIND_TLS_PROXY": "1",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "IP_HASH_SALT": secrets.token_urlsafe(40),
        "SITE_URL": f"https://{SERVER_NAME}",
        "ALLOWED_HOSTS": f"127.0.0.1,localhost,{SERVER_NAME}",
        "DATABASE_URL": database_url(),
        "STATIC_ROOT": str(static_root),
        "PAGE_CACHE": "1" if page_cache else "0",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("CACHE_URL", None)
    return env


class Gunicorn:
    def __init__(self, *, page_cache, static_root):
        self.port = free_port()
        env = server_env(page_cache=page_cache, static_root=static_root)
        env["GUNICORN_BIND"] = f"127.0.0.1:{self.port}"
        # As deployed: gunicorn.conf.py (three gthread workers; GUNICORN_* may change them).
        self.process = subprocess.Popen(
            [Path(sys.executable).with_name("gunicorn"), "inpud.wsgi:application",
             "--config", "gunicorn.conf.py", "--log-level", "warning"],
            env=env, cwd=settings.BASE_DIR,
        )  # fmt: skip
        _wait_for(self.port)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def _wait_for(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def wrk(url, *, host=None):
    """(requests a second, p50 ms, p99 ms) of one wrk run."""
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url]
    if host:
        command[1:1] = ["-H", f"Host: {host}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url}: {errors[1]} failed responses")
    p50, p99 = (re.search(rf"^\s+{p}%\s+(\S+)", out, re.M)[1] for p in (50, 99))
    return rate, _ms(p50), _ms(p99)


def _ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def fetch(url, host=None):
    command = ["curl", "-sk", "-o", "-", url]
    if host:
        command[1:1] = ["-H", f"Host: {host}"]
    return subprocess.run(command, capture_output=True, check=True).stdout


def run():
    if not shutil.which("wrk") or not Path("/usr/sbin/nginx").exists():
        return ["skipped: needs Debian's wrk and nginx (apt-get install wrk nginx)"]
    scale = "large" if os.environ.get("BENCH_SCALE") == "large" else "small"
    posts, comments = SCALES[scale]
    call_command("flush", interactive=False, verbosity=0)
    dataset.build(posts=posts, comments=comments)
    connection.close()  # the servers take over the database
    work = Path(tempfile.mkdtemp(prefix="inpud-bench-"))
    static_root = work / "static"
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=server_env(page_cache=False, static_root=static_root),
        cwd=settings.BASE_DIR, check=True,
    )  # fmt: skip
    uncached = Gunicorn(page_cache=False, static_root=static_root)
    cached = Gunicorn(page_cache=True, static_root=static_root)
    nginx = Nginx(work / "nginx", upstream_port=uncached.port)
    try:
        return _measure(uncached, cached, nginx, scale)
    finally:
        nginx.stop()
        uncached.stop()
        cached.stop()
        shutil.rmtree(work, ignore_errors=True)


def _measure(uncached, cached, nginx, scale):
    urls = {name: url for name, url in pages().items() if name in PAGES}
    static_dir = nginx.folder / "srv" / "static" / "bench"
    static_dir.mkdir(parents=True)
    targets = {}
    for number, (name, url) in enumerate(urls.items()):
        (static_dir / f"{number}.html").write_bytes(fetch(f"http://127.0.0.1:{uncached.port}{url}"))
        base = f"https://127.0.0.1:{nginx.port}"
        targets[name] = {
            "caches off": (f"http://127.0.0.1:{uncached.port}{url}", None),
            "app page cache": (f"http://127.0.0.1:{cached.port}{url}", None),
            "nginx cache": (f"{base}{url}", SERVER_NAME),
            "static file": (f"{base}/static/bench/{number}.html", SERVER_NAME),
        }
        for address, host in targets[name].values():
            for _ in range(20):  # warm every worker's fragments and the caches
                fetch(address, host)
    figures = {(name, mode): [] for name in targets for mode in MODES}
    for _round in range(ROUNDS):
        for name, modes in targets.items():
            for mode, (address, host) in modes.items():
                figures[(name, mode)].append(wrk(address, host=host))
    return _report(figures, targets, scale)


def _report(figures, targets, scale):
    def median(name, mode, index=0):
        return statistics.median(run[index] for run in figures[(name, mode)])

    lines = [
        f"{scale} site; wrk -c{CONNECTIONS}, {SECONDS} s x {ROUNDS} interleaved rounds; "
        "requests/s (p50 / p99 ms)",
        f"  {'page':20}" + "".join(f"{mode:>24}" for mode in MODES),
    ]
    for name in targets:
        cells = "".join(
            f"{median(name, m):10.0f} ({median(name, m, 1):5.1f}/{median(name, m, 2):6.1f})"
            for m in MODES
        )
        lines.append(f"  {name:20}{cells}")
    floor = median("robots.txt", "app page cache")
    lines.append("targets:")
    for name in targets:
        if name == "robots.txt":
            continue
        off = median(name, "caches off")
        app = median(name, "app page cache") / floor
        edge = median(name, "nginx cache") / median(name, "static file")
        verdict = "ok" if off >= 130 and app >= 0.7 and edge >= 0.8 else "MISSED"
        lines.append(
            f"  {name:20} caches off {off:6.0f}/s (>= 130)  app cache {app:4.0%} of robots.txt"
            f" (>= 70%)  nginx cache {edge:4.0%} of a static file (>= 80%)  {verdict}"
        )
    return lines
