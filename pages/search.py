"""Pages in the site search (registered with blog.search by PagesConfig.ready)."""

from django.contrib.postgres.search import SearchRank, SearchVector
from django.db.models import F

from blog.search_config import search_config, search_query, unaccented
from blog.search_terms import parseable
from pages.models import Page

LIMIT = 5


def matching_pages(text):
    """The best few public pages for a search: [{"title", "url", "summary"}]. One query;
    pages are few, so they are ranked without a stored index."""
    config = search_config()
    query = search_query(parseable(text))
    vector = SearchVector(unaccented(F("title")), weight="A", config=config) + SearchVector(
        unaccented(F("excerpt")), unaccented(F("body_text")), weight="C", config=config
    )
    pages = (
        Page.objects.published()
        .in_language()
        .annotate(search=vector)
        .filter(search=query)
        .annotate(rank=SearchRank(vector, query))
        .order_by("-rank", "path")
        .only("title", "path", "excerpt", "body_text", "language")[:LIMIT]
    )
    return [
        {
            "title": page.title,
            "url": page.get_absolute_url(),
            "summary": page.excerpt or " ".join(page.body_text.split()[:30]),
        }
        for page in pages
    ]
