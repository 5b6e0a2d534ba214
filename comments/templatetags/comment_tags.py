from django import template

from comments.models import Comment
from comments.rendering import render_body
from comments.thread import section_context

register = template.Library()


@register.filter
def comment_html(text):
    return render_body(text)


@register.inclusion_tag("comments/_thread_section.html", takes_context=True)
def comment_section(context, post):
    return section_context(context.get("request"), post, context.get("comment_form"))


@register.inclusion_tag("comments/admin/_pending_notice.html", takes_context=True)
def pending_comments_notice(context):
    """The size of the moderation queue, for the admin index (one count query)."""
    request = context.get("request")
    if request is None or not request.user.has_perm("comments.view_comment"):
        return {"count": 0}
    return {"count": Comment.objects.pending().count()}
