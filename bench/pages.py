"""Public page speed on a large site: median and 95th-percentile render time and queries.

Builds 1,000 published posts (5 categories in a 3-level tree, 3 tags each), then requests
each public page through Django's test client (in process: this measures our code and the
database, not the network) and reports the figures.
"""

import statistics
import time
from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

POSTS = 1_000
ROUNDS = 30


def _build():
    from django.contrib.auth import get_user_model

    from blog.models import Author, Category, Post

    user = get_user_model().objects.create(username="bench")
    author = Author.objects.create(user=user, display_name="Bench Author", slug="bench-author")
    root = Category.objects.create(name="Regional Information", slug="regional-information")
    europe = Category.objects.create(name="Europe", slug="europe", parent=root)
    east = Category.objects.create(name="Eastern Europe", slug="eastern-europe", parent=europe)
    others = [Category.objects.create(name=f"Topic {i}", slug=f"topic-{i}") for i in range(2)]
    categories = [root, europe, east, *others]
    now = timezone.now()
    for i in range(POSTS):
        post = Post.objects.create(
            title=f"Harm reduction news {i}",
            slug=f"harm-reduction-news-{i}",
            author=author,
            status=Post.Status.PUBLISHED,
            publish_at=now - timedelta(hours=i + 1),
            excerpt="Peer-led services save lives." if i % 2 else "",
            body="<p>Needle and syringe programmes and naloxone work.</p><!--more-->"
            + "<p>More text about methadone and human rights.</p>" * 20,
        )
        post.categories.set([categories[i % 5], categories[(i + 2) % 5]])
        post.tags.set([f"tag-{i % 7}", f"tag-{i % 11}", "harm reduction"])
    return Post.objects.order_by("-publish_at")[POSTS // 2]


def _measure(client, url):
    timings, queries, status = [], 0, None
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        queries, status = len(captured), response.status_code
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    median = statistics.median(timings)
    size_kb = len(response.content) / 1024
    return (
        f"{url:<55} {status}  median {median:6.1f} ms  p95 {p95:6.1f} ms  "
        f"{queries:2d} queries  {size_kb:5.1f} KB"
    )


def run():
    post = _build()
    when = post.local_publish_at
    urls = [
        "/",
        "/?page=50",
        post.get_absolute_url(),
        "/category/regional-information/",
        "/tag/harm-reduction/",
        "/author/bench-author/",
        f"/{when.year}/",
        f"/{when.year}/{when.month:02d}/",
        "/search/?q=naloxone+methadone",
        "/feed/",
        "/feed/atom/",
        "/sitemap.xml",
    ]
    client = Client()
    return [f"{POSTS} posts, {ROUNDS} requests per page"] + [_measure(client, u) for u in urls]
