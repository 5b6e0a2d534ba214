"""The page cache can be neither poisoned nor flooded."""

import pytest
from django.core.cache import caches

from tests.blog.factories import make_post

pytestmark = pytest.mark.django_db


def entries():
    return len(caches["pages"]._cache)  # per-process memory cache


@pytest.fixture
def memory_page_cache(settings):
    settings.PAGE_CACHE = True


def test_unknown_parameters_make_no_new_entry_and_change_nothing(client, memory_page_cache):
    make_post(title="Peer support")
    first = client.get("/")
    assert entries() == 1
    for query in ["?utm_source=newsletter", "?x=8f3a9c", "?fbclid=abc&utm_medium=x", "?page="]:
        response = client.get(f"/{query}")
        assert response["X-Page-Cache"] == "hit", query
        assert response.content == first.content
    assert entries() == 1


def test_unknown_parameters_never_reach_the_page(client, memory_page_cache):
    for n in range(12):
        make_post(title=f"Story {n}")
    html = client.get("/?utm_source=evil&q=&page=1").text
    assert "utm_source" not in html and "evil" not in html


def test_forwarded_host_headers_change_nothing(client, memory_page_cache):
    make_post(title="Peer support")
    first = client.get("/")
    for header in ("HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_SERVER", "HTTP_X_HOST"):
        response = client.get("/", **{header: "evil.example"})
        assert response["X-Page-Cache"] == "hit"
        assert b"evil.example" not in response.content
        assert response.content == first.content
    assert entries() == 1


def test_a_host_outside_allowed_hosts_is_a_400_and_stores_nothing(client, memory_page_cache):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert entries() == 0


def test_known_parameters_with_junk_are_not_stored_when_they_fail(client, memory_page_cache):
    make_post()
    assert client.get("/?page=999").status_code == 404
    assert client.get("/?page=abc").status_code == 404
    assert entries() == 0  # only 200 pages are kept


def test_reply_links_are_rendered_every_time(client, memory_page_cache):
    post = make_post()
    for n in range(5):
        client.get(f"{post.get_absolute_url()}?replytocom={n}")
    assert entries() == 0


def test_a_cache_outage_serves_pages_uncached(client, settings):
    settings.PAGE_CACHE = True
    settings.CACHE_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    backend = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": settings.CACHE_URL,
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
    settings.CACHES = {"default": backend, "pages": backend}
    make_post(title="Still readable")
    response = client.get("/")
    assert response.status_code == 200
    assert "Still readable" in response.text
