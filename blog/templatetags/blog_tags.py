import re

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from blog.navigation import archive_months, category_tree
from pagecache.fragments import cached_html

register = template.Library()

RECENT_MONTHS = 12


@register.simple_tag(takes_context=True)
def blog_sidebar(context):
    """Category tree and archive months, rendered once per change of the site's content."""
    request = context.get("request")
    # The home page says who we are in its own banner; other pages do it in the sidebar.
    show_about = not context.get("show_hero")
    # From the site text staff edit (menus app, given to every template by its context
    # processor); the fragment is kept per SITE generation, which a change to it bumps.
    site_text = context.get("site_text")
    about_text = getattr(site_text, "about", "") if show_about else ""

    def render():
        months = archive_months(request)
        older_years = sorted({row["month"].year for row in months[RECENT_MONTHS:]}, reverse=True)
        return render_to_string(
            "blog/_sidebar.html",
            {
                "show_about": show_about and bool(about_text),
                "about_text": about_text,
                "category_nodes": category_tree(request).nodes(),
                "recent_months": months[:RECENT_MONTHS],
                "older_years": older_years,
            },
        )

    return cached_html(request, "sidebar", render, part=int(show_about))


_HEADING_TAG = re.compile(r"<(/?)h([1-5])\b", re.IGNORECASE)


@register.filter
def demote_headings(html):
    """Shift headings one level down, so a teaser's h2 sits under the card's h2 title.

    Only used on body HTML that was sanitised on save; the tags are renamed, nothing added.
    """
    return mark_safe(_HEADING_TAG.sub(lambda m: f"<{m[1]}h{int(m[2]) + 1}", str(html)))


@register.filter
def summary(post, words=40):
    """The post's excerpt, or the start of its body as plain text."""
    if post.excerpt:
        return post.excerpt
    return Truncator(" ".join(post.body_text.split())).words(int(words))
