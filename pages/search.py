"""Pages in the site search (registered with blog.search by PagesConfig.ready)."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

from blog.search_terms import parseable
from pages.models import Page

LIMIT = 5


def matching_pages(text):
    """The best few public pages for a search: [{"title", "url", "summary"}]. One query;
    pages are few, so they are ranked without a stored index."""
    query = SearchQuery(parseable(text), search_type="websearch", config="english")
    vector = SearchVector("title", weight="A", config="english") + SearchVector(
        "excerpt", "body_text", weight="C", config="english"
    )
    pages = (
        Page.objects.published()
        .annotate(search=vector)
        .filter(search=query)
        .annotate(rank=SearchRank(vector, query))
        .order_by("-rank", "path")
        .only("title", "path", "excerpt", "body_text")[:LIMIT]
    )
    return [
        {
            "title": page.title,
            "url": page.get_absolute_url(),
            "summary": page.excerpt or " ".join(page.body_text.split()[:30]),
        }
        for page in pages
    ]
