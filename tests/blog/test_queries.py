"""Every public page makes a small, fixed number of queries, however much content there is."""

from datetime import datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from blog.models import Post
from tests.blog.factories import make_author, make_category
from tests.comments.factories import add_comments

pytestmark = pytest.mark.django_db

NEWEST = timezone.make_aware(datetime(2015, 3, 31, 18))

# Page -> URL and the most queries it may make with nothing cached (fragments, sidebar).
# The numbers are what the pages make today: raise one only with a reason. Warm, a list page
# makes 3 (the count, the page of posts, the cache generations) and a post page 2 (the post,
# the generations). Every HTML page, cold, also reads the menus (one query for both) and the
# site text (one query with its links): MENUS_AND_SITE_TEXT, kept until content changes.
MENUS_AND_SITE_TEXT = 2
PAGES = {
    # count, page of posts (ids and versions), generations; on a cold cache also the cards'
    # posts with their categories and tags, and the sidebar's category tree and months
    "home": ("/", 8 + MENUS_AND_SITE_TEXT),
    "home-page-2": ("/?page=2", 8 + MENUS_AND_SITE_TEXT),
    # post, generations; cold also categories, tags, previous+next (one UNION), related (the
    # newest posts sharing a tag, then their shared tags), approved comments (one query for
    # the whole thread), the category tree and months
    "post": (None, 10 + MENUS_AND_SITE_TEXT),
    # the same as home: the category comes from the tree the sidebar needs anyway
    "category": ("/category/regional-information/", 8 + MENUS_AND_SITE_TEXT),
    # + the tag or author itself
    "tag": ("/tag/tag-1/", 9 + MENUS_AND_SITE_TEXT),
    "author": ("/author/writer-1/", 9 + MENUS_AND_SITE_TEXT),
    "year": ("/2015/", 8 + MENUS_AND_SITE_TEXT),
    "month": ("/2015/03/", 8 + MENUS_AND_SITE_TEXT),
    "day": ("/2015/03/31/", 8 + MENUS_AND_SITE_TEXT),
    # the index: one COUNT per section (pages are one)
    "sitemap": ("/sitemap.xml", 5),
    # a page of a section: generations; cold also COUNT + the items (then kept until the
    # content changes)
    "sitemap-posts": ("/sitemap-posts.xml", 3),
    "sitemap-tags": ("/sitemap-tags.xml", 3),
    "sitemap-authors": ("/sitemap-authors.xml", 3),
}


@pytest.fixture
def world():
    """Three authors, a three-level category tree plus others, eight tags."""
    regional = make_category(name="Regional Information", slug="regional-information")
    europe = make_category(name="Europe", slug="europe", parent=regional)
    eastern = make_category(name="Eastern Europe", slug="eastern-europe", parent=europe)
    others = [make_category(slug=f"topic-{i}") for i in range(5)]
    return {
        "authors": [make_author(slug=f"writer-{i}") for i in range(3)],
        "categories": [regional, europe, eastern, *others],
        "tags": [Tag.objects.create(name=f"tag {i}", slug=f"tag-{i}") for i in range(8)],
        "count": 0,
    }


def add_posts(world, count):
    """`count` more posts, older than the ones before, each with 3 categories and 4 tags."""
    start = world["count"]
    posts = Post.objects.bulk_create(
        Post(
            title=f"Post {n}",
            slug=f"post-{n}",
            author=world["authors"][n % 3],
            status=Post.Status.PUBLISHED,
            publish_at=NEWEST - timedelta(hours=6 * n),
            excerpt=f"Summary of post {n}.",
            body=f"<p>Body of post {n}.</p>",
            is_sticky=n == 3,
        )
        for n in range(start, start + count)
    )
    categories, tags = world["categories"], world["tags"]
    Post.categories.through.objects.bulk_create(
        Post.categories.through(post_id=post.pk, category_id=categories[(i + k) % 8].pk)
        for i, post in enumerate(posts, start)
        for k in range(3)
    )
    post_type = ContentType.objects.get_for_model(Post)
    TaggedItem.objects.bulk_create(
        TaggedItem(content_type=post_type, object_id=post.pk, tag=tags[(i + k) % 8])
        for i, post in enumerate(posts, start)
        for k in range(4)
    )
    for post in posts[::4]:
        add_comments(post, 2)
    world["count"] += count
    return posts


def url_of(page):
    url, _ = PAGES[page]
    return url or Post.objects.get(slug="post-5").get_absolute_url()


def count_queries(client, page):
    url = url_of(page)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, page
    return len(queries)


def warm_up(client, pages=PAGES):
    # Content types and the current Site are cached per process after their first use, as
    # in production; fetch them once so the counts below are the steady state.
    for page in pages:
        client.get(url_of(page))


@pytest.mark.parametrize("page", PAGES)
def test_page_stays_within_its_query_budget_with_many_posts(
    client, world, page, django_assert_max_num_queries
):
    add_posts(world, 130)
    warm_up(client, [page])
    url, budget = url_of(page), PAGES[page][1]
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200


def test_query_counts_do_not_grow_with_the_number_of_posts(client, world):
    add_posts(world, 12)
    warm_up(client)
    few = {page: count_queries(client, page) for page in PAGES}
    add_posts(world, 120)
    warm_up(client)  # the new posts' cards are rendered once, as on a running site
    many = {page: count_queries(client, page) for page in PAGES}
    assert few == many


@pytest.mark.parametrize("page", PAGES)
def test_page_stays_within_its_query_budget_with_nothing_cached(
    client, world, page, django_assert_max_num_queries
):
    add_posts(world, 130)
    warm_up(client, [page])
    caches["default"].clear()  # no fragment (sidebar, cards, thread) is cached
    url, budget = url_of(page), PAGES[page][1]
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200


def test_editor_preview_of_a_draft_stays_within_budget(
    client, world, django_assert_max_num_queries
):
    from tests.blog.factories import make_editor

    add_posts(world, 130)
    draft = Post.objects.get(slug="post-7")
    Post.objects.filter(pk=draft.pk).update(status=Post.Status.DRAFT)
    client.force_login(make_editor())
    warm_up(client, ["post"])
    # The post page's 8, plus the session, the user and the user's two permission lookups.
    with django_assert_max_num_queries(12):
        assert client.get(draft.get_absolute_url()).status_code == 200
