"""Server time of every public page type, with the page caches off (fragments on).

Requests go straight through Django's WSGI handler (bench/timing.py), as in a gunicorn
worker. The site is bench/dataset.py's: 2,000 posts and 10,000 comments; with
BENCH_SCALE=large also 100,000 posts and 1,000,000 comments, and each page's ratio to its
small-site time. Medians of RUNS requests after a warm-up request in each of ROUNDS rounds;
the two sites live in two databases and are measured in turn, round after round.
"""

import gc
import os
import statistics
import time

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import dataset
from bench.timing import request
from blog.models import Post

RUNS = 20
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
SCALES = {"small": (2_000, 10_000), "large": (100_000, 1_000_000)}


def pages():
    published = Post.objects.published()
    busy = published.order_by("-comment_count").first()
    quiet = published.order_by("-publish_at")[100]
    return {
        "home": "/",
        "home page 5": "/?page=5",
        "post with comments": busy.get_absolute_url(),
        "post": quiet.get_absolute_url(),
        "category (tree)": "/category/regional-information/",
        "tag": "/tag/tag-7/",
        "author": "/author/writer-3/",
        "month": "/2026/03/",
        "search 'harm'": "/search/?q=harm",
        "search 'naloxone'": "/search/?q=naloxone",
        "RSS feed": "/feed/",
        "campaigns": "/campaigns/",
        "campaign": "/campaigns/dupi/",
        "document": "/campaigns/dupi/paper-1/",
        "sitemap posts": "/sitemap-posts.xml",
        "robots.txt": "/robots.txt",
    }


def measure(results=None):
    """{page: (timings, warm queries, cold queries, bytes)}; ``results`` from an earlier
    round get this round's timings added."""
    results = results if results is not None else {}
    for name, url in pages().items():
        request(url)
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            status, _headers, body = request(url)
            timings.append(time.perf_counter() - started)
        assert status == 200, (url, status)
        caches["default"].clear()
        with CaptureQueriesContext(connection) as cold:
            request(url)
        with CaptureQueriesContext(connection) as warm:
            request(url)
        earlier = results.get(name, ([],))[0]
        results[name] = (earlier + timings, len(warm), len(cold), len(body))
    return results


def _reset():
    call_command("flush", interactive=False, verbosity=0)
    caches["default"].clear()


def _use(database):
    """Point the default connection at another database (the sites are in two)."""
    connection.close()
    connection.settings_dict["NAME"] = database
    caches["default"].clear()  # the two sites' fragments would share generation numbers


def _clone_database(name):
    """An empty copy of the (flushed, migrated) benchmark database, for the second site."""
    source = connection.settings_dict["NAME"]
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')


def _drop_database(name):
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def run():
    settings.PAGE_CACHE = False  # every page rendered; fragments (sidebar, cards…) kept
    scales = ["small", "large"] if os.environ.get("BENCH_SCALE") == "large" else ["small"]
    _reset()
    databases = {"small": connection.settings_dict["NAME"]}
    if "large" in scales:
        databases["large"] = databases["small"] + "_large"
        _clone_database(databases["large"])
    lines = []
    try:
        for scale in scales:
            _use(databases[scale])
            posts, comments = SCALES[scale]
            started = time.perf_counter()
            dataset.build(posts=posts, comments=comments)
            gc.collect()  # a server's worker does not hold what the build left behind
            lines.append(
                f"{scale}: {posts:,} posts, {comments:,} comments "
                f"(built in {time.perf_counter() - started:.0f} s)"
            )
        # Round after round, each site in turn: a slower moment of the machine (a shared
        # host) slows both alike, so the ratio compares the sites, not the moments.
        figures = {scale: {} for scale in scales}
        for _round in range(ROUNDS):
            for scale in scales:
                _use(databases[scale])
                measure(figures[scale])
    finally:
        _use(databases["small"])
        if "large" in databases:
            _drop_database(databases["large"])
    lines.append(f"{RUNS} requests a page in each of {ROUNDS} interleaved rounds; medians")
    for scale in scales:
        lines.append(f"{scale}:")
        for name, (timings, warm, cold, size) in figures[scale].items():
            ms = statistics.median(timings) * 1000
            ratio = ""
            if scale == "large":
                small = statistics.median(figures["small"][name][0]) * 1000
                ratio = f"  ×{ms / small:.2f} of small"
                if (warm, cold) != figures["small"][name][1:3]:
                    ratio += "  QUERY COUNT DIFFERS"
            lines.append(
                f"  {name:20} {ms:6.1f} ms  {warm:2d} queries ({cold:2d} cold)"
                f"  {size / 1024:6.1f} KB{ratio}"
            )
    worst = max(statistics.median(timings) for timings, *_r in figures["small"].values())
    lines.append(f"slowest page at 2,000 posts: {worst * 1000:.1f} ms (target: at most 12 ms)")
    if "large" in scales:
        ratios = [
            statistics.median(figures["large"][name][0]) / statistics.median(timings)
            for name, (timings, *_r) in figures["small"].items()
        ]
        lines.append(f"largest ratio large/small: ×{max(ratios):.2f} (target: at most ×1.5)")
    return lines
