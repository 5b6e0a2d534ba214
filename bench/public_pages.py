"""Server time of every public page type, with the page caches off (fragments on).

Requests go straight through Django's WSGI handler (bench/timing.py), as in a gunicorn
worker. The site is bench/dataset.py's: 2,000 posts and 10,000 comments; with
BENCH_SCALE=large also 100,000 posts and 1,000,000 comments, and each page's ratio to its
small-site time. Medians of RUNS requests after a warm-up request.
"""

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

RUNS = 40
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


def measure():
    results = {}
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
        results[name] = (statistics.median(timings) * 1000, len(warm), len(cold), len(body))
    return results


def _reset():
    call_command("flush", interactive=False, verbosity=0)
    caches["default"].clear()


def run():
    settings.PAGE_CACHE = False  # every page rendered; fragments (sidebar, cards…) kept
    scales = ["small", "large"] if os.environ.get("BENCH_SCALE") == "large" else ["small"]
    figures, lines = {}, []
    for scale in scales:
        posts, comments = SCALES[scale]
        _reset()
        started = time.perf_counter()
        dataset.build(posts=posts, comments=comments)
        lines.append(
            f"{scale}: {posts:,} posts, {comments:,} comments "
            f"(built in {time.perf_counter() - started:.0f} s); {RUNS} runs a page"
        )
        figures[scale] = measure()
        for name, (ms, warm, cold, size) in figures[scale].items():
            ratio = ""
            if scale == "large":
                ratio = f"  ×{ms / figures['small'][name][0]:.2f} of small"
            lines.append(
                f"  {name:20} {ms:6.1f} ms  {warm:2d} queries ({cold:2d} cold)"
                f"  {size / 1024:6.1f} KB{ratio}"
            )
    worst = max(ms for name, (ms, *_r) in figures["small"].items())
    lines.append(f"slowest page at 2,000 posts: {worst:.1f} ms (target: at most 12 ms)")
    return lines
