"""Public blog pages with 10,000 posts: queries, median time and size of each page.

Times are through the test client (with Django's test instrumentation), so a real server is
somewhat faster; the database share shows what grows with data.
"""

import statistics
import time
from datetime import datetime, timedelta

from blog.models import Author, Category, Post

POSTS = 10_000
RUNS = 15


def _build():
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from taggit.models import Tag, TaggedItem

    authors = [
        Author.objects.create(
            user=get_user_model().objects.create(username=f"bench{i}"),
            display_name=f"Writer {i}",
            slug=f"writer-{i}",
        )
        for i in range(10)
    ]
    root = Category.objects.create(name="Regional Information", slug="regional-information")
    europe = Category.objects.create(name="Europe", slug="europe", parent=root)
    eastern = Category.objects.create(name="Eastern Europe", slug="eastern", parent=europe)
    categories = [root, europe, eastern] + [
        Category.objects.create(name=f"Topic {i}", slug=f"topic-{i}") for i in range(30)
    ]
    tags = [Tag.objects.create(name=f"tag {i}", slug=f"tag-{i}") for i in range(200)]
    newest = timezone.make_aware(datetime(2025, 6, 30, 18))
    body = "<p>" + "Peer-led harm reduction saves lives. " * 80 + "</p>"
    posts = Post.objects.bulk_create(
        (
            Post(
                title=f"Post {n}",
                slug=f"post-{n}",
                author=authors[n % 10],
                status=Post.Status.PUBLISHED if n % 20 else Post.Status.DRAFT,
                publish_at=newest - timedelta(hours=9 * n),
                body=body,
                body_text=body,
            )
            for n in range(POSTS)
        ),
        batch_size=1000,
    )
    Post.categories.through.objects.bulk_create(
        (
            Post.categories.through(post_id=post.pk, category_id=categories[(i + k) % 33].pk)
            for i, post in enumerate(posts)
            for k in range(3)
        ),
        batch_size=5000,
    )
    post_type = ContentType.objects.get_for_model(Post)
    TaggedItem.objects.bulk_create(
        (
            TaggedItem(content_type=post_type, object_id=post.pk, tag=tags[(i * 7 + k) % 200])
            for i, post in enumerate(posts)
            for k in range(4)
        ),
        batch_size=5000,
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return Post.objects.published().order_by("-publish_at")[500]


def run():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    post = _build()
    client = Client()
    pages = {
        "home": "/",
        "home page 50": "/?page=50",
        "post": post.get_absolute_url(),
        "category (3 levels)": "/category/regional-information/",
        "tag": "/tag/tag-7/",
        "author": "/author/writer-3/",
        "year": "/2024/",
        "month": "/2024/03/",
        "day": "/2024/03/15/",
        "sitemap index": "/sitemap.xml",
        "sitemap posts p. 1": "/sitemap-posts.xml",
        "sitemap tags": "/sitemap-tags.xml",
    }
    lines = [f"{POSTS} posts (1 in 20 a draft), 33 categories, 200 tags, {RUNS} runs each"]
    for name, url in pages.items():
        client.get(url)  # warm caches (content types, site) as a running server has them
        timings, db_timings = [], []
        for _ in range(RUNS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - started)
            db_timings.append(sum(float(query["time"]) for query in queries.captured_queries))
        assert response.status_code == 200, (url, response.status_code)
        lines.append(
            f"{name:20} {len(queries):2d} queries  {statistics.median(timings) * 1000:6.1f} ms"
            f" (database {statistics.median(db_timings) * 1000:5.1f} ms)"
            f"  {len(response.content) / 1024:6.1f} KB"
        )
    return lines
