from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from comments.models import Comment
from comments.rendering import render_body
from comments.services import comments_are_open
from comments.thread import section_context
from core.params import parse_id
from pagecache import generations
from pagecache.fragments import cached_html

register = template.Library()


@register.filter
def comment_html(text):
    return render_body(text)


@register.simple_tag(takes_context=True)
def comment_section(context, item):
    """The thread and the form under a post or page. Kept as a fragment until its comments
    change (comments/counts.py bumps its address's generation), unless the form comes back
    with errors or answers a reply link."""
    request = context.get("request")
    form = context.get("comment_form")

    def render():
        return render_to_string(
            "comments/_thread_section.html", section_context(request, item, form)
        )

    if form is not None or not item.is_public or request.GET.get("replytocom"):
        return mark_safe(render())  # noqa: S308 - rendered by our own template
    (page,) = generations.for_request(request, generations.path_name(item.get_absolute_url()))
    is_open = comments_are_open(item)
    # One fragment per page of comments (?cpage); a page that does not exist is a 404 and
    # never stored.
    cpage = parse_id(request.GET.get("cpage")) if "cpage" in request.GET else ""
    part = f"{Comment.item_field(item)}{item.pk}.{is_open}.{cpage}"
    return cached_html(request, "comments", render, part=part, extra=(str(page),))


@register.inclusion_tag("comments/admin/_pending_notice.html", takes_context=True)
def pending_comments_notice(context):
    """The size of the moderation queue, for the admin index (one count query)."""
    request = context.get("request")
    if request is None or not request.user.has_perm("comments.view_comment"):
        return {"count": 0}
    return {"count": Comment.objects.pending().count()}
