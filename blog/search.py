"""Full-text search at /search/?q=: the form that checks the query, and the view."""

import hashlib
import html
import re
import unicodedata

from django import forms
from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.core.paginator import InvalidPage, Paginator
from django.db.models import F, Value
from django.db.models.functions import Replace
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from blog.models import Post
from blog.search_terms import parseable
from pagecache import generations
from pagecache.fragments import cached_html, cached_value

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10
TEMPLATE = "blog/search.html"

# ts_headline wraps matches in these private-use characters instead of tags. The snippet is
# escaped first and only then are they turned into <mark>, so no post can inject markup.
START_SEL, STOP_SEL = "\ue000", "\ue001"
_MARKED = re.compile(f"{START_SEL}(.*?){STOP_SEL}", re.DOTALL)
# Other kinds of content found by a search (pages: pages/search.py), registered by the apps
# that hold them, so the blog does not depend on them. Each takes the query and returns
# [{"title", "url", "summary"}], shown above the posts on the first page of results.
_sources = []


def register_source(find):
    _sources.append(find)


def other_matches(query):
    return [match for find in _sources for match in find(query)]


# Whitespace a pasted query may carry; any other control character is refused.
_ALLOWED_CONTROLS = frozenset("\t\n\r")


def is_unreadable(char):
    """Control characters, lone surrogates, and U+FFFD (what Django makes of invalid UTF-8)."""
    if char in _ALLOWED_CONTROLS:
        return False
    return char == "\ufffd" or unicodedata.category(char) in {"Cc", "Cs"}


class SearchQueryField(forms.CharField):
    def bound_data(self, data, initial):
        # Refused input is shown back without the characters we refused and within the
        # limit, so the person can fix it and search again straight away.
        if not isinstance(data, str):
            return data
        readable = "".join(char for char in data if not is_unreadable(char))
        return readable[:MAX_QUERY_LENGTH]


class SearchForm(forms.Form):
    q = SearchQueryField(
        label=_("Search the site"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "Searches can be at most %(limit_value)d characters long (this one had "
                "%(show_value)d). The search box keeps the first %(limit_value)d: shorten "
                "your search and try again."
            ),
            "null_characters_not_allowed": _(
                "Your search contained characters that cannot be searched for, such as "
                "control characters. We took them out of the search box: check your search "
                "and try again."
            ),
        },
    )

    def clean_q(self):
        query = self.cleaned_data["q"]
        if any(is_unreadable(char) for char in query):
            raise forms.ValidationError(
                self.fields["q"].error_messages["null_characters_not_allowed"],
                code="unreadable",
            )
        return query


def websearch_query(text):
    return SearchQuery(parseable(text), search_type="websearch", config="english")


def ranked_ids(text, cap):
    """Ids of the published matches, best first: the newest ``cap + 1`` matches ranked, so
    one more than ``cap`` says that there are more. One query."""
    return list(
        Post.objects.published()
        .search(parseable(text), candidates=cap + 1)
        .values_list("pk", flat=True)
    )


class RankedPaginator(Paginator):
    """Pages of ranked post ids, at most ``cap`` of them."""

    def __init__(self, ids, per_page, *, cap):
        super().__init__(ids[:cap], per_page)
        self.more_than_cap = len(ids) > cap


def page_of_posts(ids, text):
    """The posts of one page, in rank order, each with a highlighted .snippet: one query.

    Headlines only for the page's posts: PostgreSQL would otherwise run ts_headline for
    every match, so a common word would cost hundreds of headlines.
    """
    posts = (
        Post.objects.filter(pk__in=ids)
        .select_related("author")
        .defer("body", "body_text", "search_vector", "featured_renditions")
        .annotate(
            headline=SearchHeadline(
                _entity_escaped("body_text"),
                websearch_query(text),
                config="english",
                start_sel=START_SEL,
                stop_sel=STOP_SEL,
                min_words=15,
                max_words=35,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        .in_bulk(ids)
    )
    results = [posts[pk] for pk in ids if pk in posts]
    for post in results:
        post.snippet = snippet_html(post.headline)
    return results


def _entity_escaped(field):
    """The field with & < > as entities: ts_headline drops anything that looks like a tag,
    so literal "<script>" in a post's text would otherwise vanish from its snippet."""
    expression = F(field)
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        expression = Replace(expression, Value(char), Value(entity))
    return expression


def snippet_html(headline):
    """Safe HTML for a headline: the text escaped exactly once, the matches in <mark>."""
    text = escape(html.unescape(headline or ""))
    text = _MARKED.sub(r"<mark>\1</mark>", text)
    return mark_safe(text.replace(START_SEL, "").replace(STOP_SEL, ""))  # noqa: S308


@require_safe
def post_search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, TEMPLATE, {"form": form}, status=400)
    query = form.cleaned_data["q"]
    context = {"form": form, "query": query}
    if query:
        cap = settings.SEARCH_MAX_RESULTS
        # A search's results change only with the site's content: the ranking and each
        # page of results are kept like fragments (popular searches are asked again).
        name = hashlib.sha256(query.encode()).hexdigest()[:32]
        ids = cached_value(
            request, f"search:{name}:{cap}", lambda: ranked_ids(query, cap),
            generation=generations.SITE,
        )  # fmt: skip
        paginator = RankedPaginator(ids, PAGE_SIZE, cap=cap)
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as exc:
            raise Http404(_("There is no such page of results.")) from exc

        def render_results():
            results = page_of_posts(list(page.object_list), query)
            context = {"results": results, "page_obj": page}
            return render_to_string("blog/_search_results.html", context)

        results_html = cached_html(
            request, "search-results", render_results, part=f"{name}.{page.number}"
        )
        others = []
        if page.number == 1:
            others = cached_value(
                request, f"search-other:{name}", lambda: other_matches(query),
                generation=generations.SITE,
            )  # fmt: skip
        context.update(
            page_obj=page, paginator=paginator, results_html=results_html, other_results=others
        )
    return render(request, TEMPLATE, context)
