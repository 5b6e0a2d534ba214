"""Searches PostgreSQL's parser could not take are simplified, never a 500."""

import pytest

from blog.search_terms import parseable
from tests.blog.factories import make_post

pytestmark = pytest.mark.django_db

HOSTILE = [
    "- " * 33,
    "- " * 100,
    "-" * 40,
    "-" * 200,
    "a " + "- " * 60 + "b",
    "-- " * 50 + "harm",
    '"' + "- " * 50 + '"',
    "harm -" + "-" * 60 + "reduction",
    "or " * 66,
    "!" * 100,
    "(" * 100 + "harm",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_operator_runs_in_search_are_a_results_page(client, query):
    make_post(title="Harm reduction works", body="<p>harm reduction</p>")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert 'name="q"' in response.text


def test_a_minus_still_excludes_the_word_after_it(client):
    make_post(title="Naloxone saves lives", body="<p>naloxone</p>")
    make_post(title="Naloxone and methadone", body="<p>naloxone methadone</p>")
    html = client.get("/search/", {"q": "naloxone ---methadone"}).text
    assert "Naloxone saves lives" in html
    assert "Naloxone and methadone" not in html


@pytest.mark.parametrize(
    ("typed", "searched"),
    [("- - harm", "    harm"), ("harm --x", "harm -x"), ("a-b", "a-b"), ("-x", "-x")],
)
def test_parseable_drops_only_minus_signs_that_negate_nothing(typed, searched):
    assert parseable(typed) == searched
