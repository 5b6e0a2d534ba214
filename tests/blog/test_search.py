import re
from datetime import timedelta

import pytest
from django.contrib.postgres.search import SearchVector
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from blog.models import Post
from tests.blog.factories import make_author, make_post

pytestmark = pytest.mark.django_db

URL = "/search/"


def result_titles(response):
    pattern = r'<li class="search-result">\s*<h2><a href="[^"]+">([^<]+)</a>'
    return re.findall(pattern, response.text)


def search(client, query, **params):
    response = client.get(URL, {"q": query, **params})
    assert response.status_code == 200
    return response


def test_empty_search_shows_only_the_form(client):
    make_post(title="Anything")
    for response in (client.get(URL), client.get(URL, {"q": "   "})):
        assert response.status_code == 200
        assert "<h1>Search</h1>" in response.text
        assert '<label for="id_q">Search the site</label>' in response.text
        assert '<input type="search" name="q" id="id_q"' in response.text
        assert "search-count" not in response.text
        assert "No posts matched" not in response.text


def test_search_ranks_title_over_excerpt_over_body(client):
    now = timezone.now()
    # Oldest first, so only the weights can put them in this order.
    days_ago = [now - timedelta(days=days) for days in (30, 20, 10)]
    make_post(title="In the title: naloxone", publish_at=days_ago[0])
    make_post(title="In the excerpt", excerpt="About naloxone.", publish_at=days_ago[1])
    make_post(title="In the body", body="<p>Carry naloxone.</p>", publish_at=days_ago[2])
    make_post(title="Unrelated", body="<p>Methadone.</p>")
    response = search(client, "naloxone")
    assert result_titles(response) == ["In the title: naloxone", "In the excerpt", "In the body"]
    assert "3 results for “naloxone”" in response.text


def test_equal_ranks_list_the_newest_first(client):
    now = timezone.now()
    for days in (5, 1, 3):
        make_post(title=f"Peer {days}", body="<p>Same words.</p>", publish_at=now - timedelta(days))
    assert result_titles(search(client, "peer")) == ["Peer 1", "Peer 3", "Peer 5"]


def test_drafts_and_scheduled_posts_are_never_found(client):
    make_post(title="Public heroin report")
    make_post(title="Draft heroin report", status=Post.Status.DRAFT)
    make_post(title="Scheduled heroin report", publish_at=timezone.now() + timedelta(days=1))
    response = search(client, "heroin")
    assert result_titles(response) == ["Public heroin report"]
    assert "1 result for “heroin”" in response.text


def test_web_search_syntax_phrases_or_and_minus(client):
    make_post(title="Harm reduction works", body="<p>x</p>")
    make_post(title="Reduction of harm", body="<p>x</p>")
    make_post(title="Hepatitis testing", body="<p>x</p>")
    make_post(title="Hepatitis and harm", body="<p>x</p>")
    assert result_titles(search(client, '"harm reduction"')) == ["Harm reduction works"]
    assert set(result_titles(search(client, "testing OR works"))) == {
        "Harm reduction works",
        "Hepatitis testing",
    }
    assert result_titles(search(client, "hepatitis -harm")) == ["Hepatitis testing"]
    # English stemming: "treatments" finds "treatment".
    make_post(title="Treatment", body="<p>x</p>")
    assert result_titles(search(client, "treatments")) == ["Treatment"]


def test_snippet_highlights_matches_from_the_body(client):
    make_post(
        title="A report",
        body="<p>Peer workers in Toronto formed a union to protect outreach staff.</p>",
    )
    response = search(client, "union")
    assert "formed a <mark>union</mark> to protect" in response.text


def test_post_text_cannot_inject_markup_through_the_snippet(client):
    make_post(
        title="Script",
        body="<p>Beware &lt;script&gt;alert(1)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt; "
        "tricks &amp; more</p><script>alert(2)</script>",
    )
    response = search(client, "script bold")
    snippet = re.search(r'<p class="snippet">(.*?)</p>', response.text, re.DOTALL).group(1)
    assert "<script" not in response.text
    assert "<b>" not in snippet
    assert "&lt;<mark>script</mark>&gt;alert(1)" in snippet
    assert "&lt;b&gt;<mark>bold</mark>&lt;/b&gt;" in snippet
    assert "tricks &amp; more" in snippet  # escaped exactly once


def test_query_with_markup_is_escaped_when_shown_back(client):
    response = search(client, '<script>alert("x")</script>')
    assert "<script>alert" not in response.text
    assert 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"' in response.text


def test_query_is_kept_in_the_form_and_the_count_shown(client):
    make_post(title="Women who use drugs")
    response = search(client, "women")
    assert 'name="q" id="id_q" value="women"' in response.text
    assert "1 result for “women”" in response.text
    assert "<title>Search results for “women” · " in response.text
    assert '<meta name="robots" content="noindex">' in response.text


def test_no_results_gives_suggestions(client):
    make_post(title="Methadone")
    response = search(client, "zzyzx")
    assert "0 results for “zzyzx”" in response.text
    assert "No posts matched your search" in response.text
    assert "Check the spelling" in response.text
    assert 'href="/"' in response.text


def test_query_of_only_stop_words_finds_nothing_without_error(client):
    make_post(title="The and of")
    assert "No posts matched your search" in search(client, "the and of").text


def test_results_are_paginated_and_links_keep_the_query(client):
    author = make_author()
    now = timezone.now()
    for n in range(25):
        make_post(title=f"Outreach {n}", author=author, publish_at=now - timedelta(days=n))
    first = search(client, "outreach")
    assert result_titles(first) == [f"Outreach {n}" for n in range(10)]
    assert "25 results" in first.text
    assert 'href="?q=outreach&amp;page=2"' in first.text
    third = search(client, "outreach", page=3)
    assert result_titles(third) == [f"Outreach {n}" for n in range(20, 25)]
    assert '<ol class="search-results" start="21">' in third.text
    assert 'rel="next"' not in third.text


@pytest.mark.parametrize("page", ["abc", "99999", "0", "-1", "1.5", "4"])
def test_bad_page_is_404(client, page):
    for n in range(25):
        make_post(title=f"Outreach {n}")
    assert client.get(URL, {"q": "outreach", "page": page}).status_code == 404


def assert_friendly_400(response):
    assert response.status_code == 400
    assert "<h1>Search</h1>" in response.text
    assert 'aria-invalid="true"' in response.text
    assert 'aria-describedby="id_q-error id_q-help"' in response.text
    assert '<p class="field-error" id="id_q-error">' in response.text
    assert "search-count" not in response.text


@pytest.mark.parametrize("length", [201, 10_000])
def test_too_long_query_is_a_friendly_400_with_the_start_kept(client, length):
    query = ("naloxone " * 2000)[:length]
    response = client.get(URL, {"q": query})
    assert_friendly_400(response)
    assert f"at most 200 characters long (this one had {len(query.strip())})" in response.text
    value = re.search(r'name="q" id="id_q" value="([^"]*)"', response.text).group(1)
    assert value == query[:200]


def test_query_of_exactly_the_maximum_length_is_searched(client):
    make_post(title="Naloxone")
    query = "naloxone" + " naloxone" * 21 + " of"
    assert len(query) == 200
    assert result_titles(search(client, query)) == ["Naloxone"]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("harm%00reduction", "harmreduction"),  # NUL
        ("harm%01", "harm"),
        ("%1B%5B31mred", "[31mred"),  # terminal escape
        ("harm%7Fx", "harmx"),  # DEL
        ("harm%C2%85x", "harmx"),  # NEL, a C1 control character
        ("harm%FF%FEx", "harmx"),  # not UTF-8 at all
        ("harm%ED%A0%80x", "harmx"),  # a lone surrogate, encoded
        ("harm%C0%80x", "harmx"),  # an overlong NUL
    ],
)
def test_control_characters_and_invalid_text_are_a_friendly_400(client, raw, shown):
    response = client.get(f"{URL}?q={raw}")
    assert_friendly_400(response)
    assert "characters that cannot be searched for, such as control characters" in response.text
    assert f'name="q" id="id_q" value="{shown}"' in response.text
    assert "\x00" not in response.text


def test_tabs_and_newlines_count_as_spaces(client):
    make_post(title="Harm reduction")
    assert result_titles(search(client, "harm\treduction\n")) == ["Harm reduction"]


def test_post_is_not_allowed(client):
    assert client.post(URL, {"q": "x"}).status_code == 405


def test_search_makes_a_constant_number_of_queries(client, django_assert_max_num_queries):
    authors = [make_author() for _ in range(5)]
    for n in range(120):
        make_post(
            title=f"Community {n}",
            author=authors[n % 5],
            body=f"<p>Community outreach number {n}, with peers.</p>",
            tags=["community", f"tag-{n % 9}"],
        )
    # The count, one page of results, and the snippets of that page; cold, the menus and the
    # site text (tests/blog/test_queries.py).
    with django_assert_max_num_queries(5):
        response = search(client, "community outreach", page=7)
    assert "120 results" in response.text
    assert len(result_titles(response)) == 10


def test_planner_uses_the_gin_index_on_a_large_table(client):
    author = make_author()
    now = timezone.now()
    Post.objects.bulk_create(
        Post(
            title=f"Filler {n}",
            slug=f"filler-{n}",
            author=author,
            status=Post.Status.PUBLISHED,
            publish_at=now - timedelta(minutes=n),
            body_text=f"Filler text number {n} about community work and peer support.",
        )
        for n in range(20_000)
    )
    make_post(title="The needle exchange", author=author)
    Post.objects.update(
        search_vector=SearchVector("title", weight="A", config="english")
        + SearchVector("excerpt", weight="B", config="english")
        + SearchVector("body_text", weight="C", config="english")
    )
    with connection.cursor() as cursor:
        # Autovacuum does this on a live site: fold the GIN index's pending list (filled by
        # the bulk update above, inside this test's transaction) into the index proper.
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", ["post_search_idx"])
        cursor.execute("ANALYZE blog_post")
    plan = Post.objects.published().search("needle", candidates=500).explain()
    assert "post_search_idx" in plan, plan
    assert result_titles(search(client, "needle")) == ["The needle exchange"]


def test_first_word_of_a_paragraph_is_found(client):
    make_post(title="Union", body="<p>Peers built it.</p><p>Harm reduction at work.</p>")
    assert result_titles(search(client, "harm")) == ["Union"]


def test_a_word_in_most_posts_ranks_only_the_newest_matches(client, settings):
    settings.SEARCH_MAX_RESULTS = 15
    author = make_post().author
    now = timezone.now()
    for n in range(20):
        make_post(
            title=f"Harm harm harm {n}" if n == 19 else f"Story {n}",
            body="<p>Harm reduction.</p>",
            author=author,
            publish_at=now - timedelta(hours=n + 1),
        )
    response = search(client, "harm")
    titles = result_titles(response)
    # The 15 newest matches, best first: the oldest post, the best match, is left out.
    assert len(titles) == 10 and "Harm harm harm 19" not in titles
    assert "More than 15 results for “harm”" in response.text
    assert response.context["paginator"].num_pages == 2


def test_search_makes_three_queries_whatever_the_number_of_matches(
    client, django_assert_max_num_queries
):
    author = make_post().author
    for n in range(30):
        make_post(title=f"Harm reduction {n}", author=author)
    search(client, "harm")  # content types and the like, once per process
    caches["default"].clear()  # nothing of this search is kept yet
    # The cache generations, the ranked ids, the page's posts with their snippets, and on
    # the first page the matching pages; cold, the menus and the site text.
    with django_assert_max_num_queries(6):
        assert search(client, "harm").status_code == 200
