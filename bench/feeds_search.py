"""Feeds and search on a few thousand realistic posts: time, size and queries per request."""

import random
import statistics
import time
from datetime import timedelta

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import Author, Category, Post

POSTS = 3000
WORDS = [
    "harm",
    "reduction",
    "peer",
    "support",
    "naloxone",
    "methadone",
    "hepatitis",
    "treatment",
    "outreach",
    "community",
    "rights",
    "policy",
    "prison",
    "women",
    "stigma",
    "research",
    "testing",
    "union",
    "workers",
    "network",
    "drugs",
    "health",
    "services",
    "funding",
    "campaign",
    "europe",
    "africa",
    "asia",
    "latin",
    "america",
    "report",
    "access",
]


def _make_posts():
    from django.contrib.auth import get_user_model

    rng = random.Random(7)
    user = get_user_model().objects.create_user("bench", "bench@example.org", "pw")
    author = Author.objects.create(user=user, display_name="Bench Author", slug="bench")
    region = Category.objects.create(name="Region", slug="region")
    categories = [
        Category.objects.create(name=f"Category {n}", slug=f"category-{n}", parent=region)
        for n in range(12)
    ]
    now = timezone.now()
    posts = []
    for n in range(POSTS):
        paragraphs = [
            "<p>" + " ".join(rng.choices(WORDS, k=80)) + "</p>" for _ in range(rng.randint(3, 8))
        ]
        body = "".join(paragraphs)
        posts.append(
            Post(
                title=" ".join(rng.choices(WORDS, k=6)).capitalize(),
                slug=f"bench-{n}",
                author=author,
                status=Post.Status.PUBLISHED,
                publish_at=now - timedelta(hours=n),
                body=body,
                body_text=body.replace("<p>", "").replace("</p>", " "),
            )
        )
    Post.objects.bulk_create(posts, batch_size=500)
    through = Post.categories.through
    through.objects.bulk_create(
        through(post_id=post.pk, category_id=category.pk)
        for post in Post.objects.all()
        for category in rng.sample(categories, 3)
    )
    for post in Post.objects.all()[:200]:  # taggit has no bulk path; a sample is enough
        post.tags.add("naloxone", rng.choice(WORDS), rng.choice(WORDS))
    Post.objects.update(
        search_vector=SearchVector("title", weight="A", config="english")
        + SearchVector("excerpt", weight="B", config="english")
        + SearchVector("body_text", weight="C", config="english")
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE blog_post")


def _measure(client, url, repeat=20):
    client.get(url)  # warm caches
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return (
        f"{url[:60]}: {response.status_code}, median {statistics.median(timings):.1f} ms, "
        f"{len(response.content) / 1024:.1f} KB, {len(queries)} queries"
    )


def run():
    _make_posts()
    client = Client()
    urls = [
        "/feed/",
        "/feed/atom/",
        "/category/region/feed/",
        "/tag/naloxone/feed/",
        "/search/?q=naloxone",
        '/search/?q="harm+reduction"+women+-prison',
        "/search/?q=naloxone&page=50",
        "/search/?q=naloxone&page=300",
        "/search/?q=" + "x" * 10_000,
    ]
    return [f"{POSTS} posts"] + [_measure(client, url) for url in urls]
