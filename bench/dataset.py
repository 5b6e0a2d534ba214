"""A realistic site for benchmarks: posts, a category tree, tags, threaded comments, a campaign.

``build(posts=2000, comments=10000)`` writes it with bulk inserts (100,000 posts and 1,000,000
comments take a few minutes). Bodies are generated from a small vocabulary, so common words
("harm", "reduction") match most posts and rare ones few, as on a real site.
"""

import random
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from blog.models import Author, Category, Post, update_search_vectors
from campaigns.models import Campaign, CampaignDocument, Supporter
from comments.counts import refresh_comment_counts
from comments.models import Comment
from core.sanitize import plain_text

COMMON = ["harm", "reduction", "peer", "support", "health", "rights", "people", "drugs"]
OTHER = [
    "naloxone", "methadone", "hepatitis", "treatment", "outreach", "community", "policy",
    "prison", "women", "stigma", "research", "testing", "union", "workers", "network",
    "services", "funding", "campaign", "europe", "africa", "asia", "latin", "america",
    "report", "access", "housing", "overdose", "prevention", "advocacy", "justice",
]  # fmt: skip


def _paragraph(rng, words=60):
    chosen = [rng.choice(COMMON) if rng.random() < 0.3 else rng.choice(OTHER) for _ in range(words)]
    return "<p>" + " ".join(chosen).capitalize() + ".</p>"


def _body(rng):
    parts = [_paragraph(rng), "<!--more-->" if rng.random() < 0.5 else ""]
    parts += ["<h2>What we found</h2>", _paragraph(rng, 90), "<ul><li>One</li><li>Two</li></ul>"]
    parts += [_paragraph(rng, 120)]
    return "".join(parts)


def build(*, posts=2000, comments=10000, seed=7):
    rng = random.Random(seed)
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"writer{i}") for i in range(10)
    )
    authors = Author.objects.bulk_create(
        Author(user=user, display_name=f"Writer {i}", slug=f"writer-{i}")
        for i, user in enumerate(users)
    )
    root = Category.objects.create(name="Regional Information", slug="regional-information")
    europe = Category.objects.create(name="Europe", slug="europe", parent=root)
    eastern = Category.objects.create(name="Eastern Europe", slug="eastern", parent=europe)
    latin = Category.objects.create(name="Latin Countries", slug="latin", parent=root)
    categories = [root, europe, eastern, latin] + [
        Category.objects.create(name=f"Topic {i}", slug=f"topic-{i}") for i in range(26)
    ]
    tags = Tag.objects.bulk_create(Tag(name=f"tag {i}", slug=f"tag-{i}") for i in range(200))
    campaign = Campaign.objects.create(
        title="Drug User Peace Initiative",
        slug="dupi",
        summary="Four papers and a call for peace.",
        body=_body(rng),
        status=Campaign.Status.OPEN,
        signup_goal=1000,
    )
    for n, kind in enumerate(
        [CampaignDocument.Kind.FOREWORD, *[CampaignDocument.Kind.PAPER] * 4], start=1
    ):
        CampaignDocument.objects.create(
            campaign=campaign, title=f"Paper {n}", slug=f"paper-{n}", kind=kind, order=n,
            summary="A paper.", body=_body(rng),
        )  # fmt: skip
    Supporter.objects.bulk_create(
        Supporter(
            campaign=campaign, name=f"Supporter {i}", email=f"s{i}@example.org",
            country=rng.choice(["PT", "GB", "KE", "UA", "BR", "FR"]),
            status=Supporter.Status.CONFIRMED, show_name=i % 3 == 0,
            confirmed_at=timezone.now() - timedelta(minutes=i),
        )
        for i in range(1000)
    )  # fmt: skip
    newest = timezone.make_aware(datetime(2026, 6, 30, 18))
    step = timedelta(hours=max(1, 20_000 // posts))
    batch = []
    for n in range(posts):
        body = _body(rng)
        batch.append(
            Post(
                title=f"{rng.choice(OTHER).capitalize()} and {rng.choice(COMMON)}: post {n}",
                slug=f"post-{n}",
                author=authors[n % 10],
                status=Post.Status.PUBLISHED if n % 20 else Post.Status.DRAFT,
                publish_at=newest - step * n,
                excerpt="" if n % 3 else f"A short excerpt for post {n}.",
                body=body,
                body_text=plain_text(body),
                campaign=campaign if n % 50 == 0 else None,
            )
        )
    created = Post.objects.bulk_create(batch, batch_size=2000)
    pks = [post.pk for post in created]
    for start in range(0, len(pks), 5000):
        update_search_vectors(pks[start : start + 5000])
    through = Post.categories.through
    through.objects.bulk_create(
        (
            through(post_id=pk, category_id=categories[(i + k * 7) % len(categories)].pk)
            for i, pk in enumerate(pks)
            for k in range(2)
        ),
        batch_size=10000,
    )
    post_type = ContentType.objects.get_for_model(Post)
    TaggedItem.objects.bulk_create(
        (
            TaggedItem(content_type=post_type, object_id=pk, tag=tags[(i * 7 + k) % 200])
            for i, pk in enumerate(pks)
            for k in range(4)
        ),
        batch_size=10000,
    )
    _comments(rng, [p for p in created if p.status == Post.Status.PUBLISHED], comments)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return created


def _comments(rng, posts, total):
    """Threaded comments: most posts get a few, a handful get many (as on a real blog)."""
    if not total:
        return
    now = timezone.now()
    per_post = {post.pk: 0 for post in posts}
    busy = posts[:: max(1, len(posts) // 20)]
    remaining = total
    rows = []
    for i in range(total):
        post = rng.choice(busy) if i % 4 == 0 else rng.choice(posts)
        per_post[post.pk] += 1
        rows.append(
            Comment(
                post=post, author_name=f"Reader {i}", author_email=f"r{i}@example.org",
                body="Thank you for this. " * rng.randint(1, 8),
                status=Comment.Status.APPROVED if i % 10 else Comment.Status.PENDING,
                submitted_at=now - timedelta(minutes=total - i),
            )
        )  # fmt: skip
        if len(rows) == 20000 or i == total - 1:
            Comment.objects.bulk_create(rows, batch_size=5000)
            remaining -= len(rows)
            rows = []
    # A reply for every third approved comment of the busy posts, two levels deep.
    replies = []
    for parent in Comment.objects.filter(post__in=busy, status="approved").only("pk", "post_id")[
        ::3
    ]:
        replies.append(
            Comment(
                post_id=parent.post_id, parent=parent, depth=1, author_name="Replier",
                author_email="reply@example.org", body="Agreed.", status=Comment.Status.APPROVED,
                submitted_at=now,
            )
        )  # fmt: skip
    Comment.objects.bulk_create(replies, batch_size=5000)
    ids = list(per_post)
    for start in range(0, len(ids), 5000):
        refresh_comment_counts(ids[start : start + 5000])
