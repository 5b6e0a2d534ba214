import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from blog import sanitize
from blog.navigation import archive_months, category_tree
from inpud.siteurl import absolute_url

register = template.Library()

RECENT_MONTHS = 12


@register.inclusion_tag("blog/_sidebar.html", takes_context=True)
def blog_sidebar(context):
    """Category tree and archive months: at most two queries, whatever the amount of content."""
    # The home page says who we are in its own banner; other pages do it in the sidebar.
    show_about = not context.get("show_hero")
    months = archive_months()
    older_years = sorted({row["month"].year for row in months[RECENT_MONTHS:]}, reverse=True)
    return {
        "show_about": show_about,
        "category_nodes": category_tree(context.get("request")).nodes(),
        "recent_months": months[:RECENT_MONTHS],
        "older_years": older_years,
    }


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The link to page `number` of the current list, keeping other query parameters."""
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    if number != 1:
        query["page"] = number
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else request.path


@register.filter
def absolute(url):
    """Make a site-relative URL absolute with SITE_URL (for feeds, OpenGraph, canonical)."""
    return absolute_url(url)


_HEADING_TAG = re.compile(r"<(/?)h([1-5])\b", re.IGNORECASE)


@register.filter
def demote_headings(html):
    """Shift headings one level down, so a teaser's h2 sits under the card's h2 title.

    Only used on body HTML that was sanitised on save; the tags are renamed, nothing added.
    """
    return mark_safe(_HEADING_TAG.sub(lambda m: f"<{m[1]}h{int(m[2]) + 1}", str(html)))


@register.filter
def plain_text(value):
    """Readable plain text from body HTML on one line: words kept apart, entities decoded."""
    return " ".join(sanitize.plain_text(str(value)).split())


@register.filter
def summary(post, words=40):
    """The post's excerpt, or the start of its body as plain text."""
    if post.excerpt:
        return post.excerpt
    return Truncator(plain_text(post.body)).words(int(words))
