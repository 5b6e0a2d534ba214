"""Posting a comment on a post or a page: one path for both (``_receive``)."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blog.models import Post
from blog.views import render_post_page
from comments.forms import CommentForm
from comments.services import DuplicateComment, RateLimited, comments_are_open, submit_comment
from core.clientip import client_ip
from core.samesite import private_page, same_site_post
from pages.models import Page
from pages.views import render_page


@same_site_post
@require_POST
def post_comment(request, post_id):
    post = get_object_or_404(Post.objects.published().for_listing(), pk=post_id)

    def page_with_form(form, status):
        return render_post_page(request, post, status=status, extra_context={"comment_form": form})

    return _receive(request, post, page_with_form, sent="comments:comment-sent")


@same_site_post
@require_POST
def page_comment(request, page_id):
    page = get_object_or_404(Page.objects.published(), pk=page_id)

    def page_with_form(form, status):
        return render_page(request, page, status=status, extra_context={"comment_form": form})

    return _receive(request, page, page_with_form, sent="comments:page-comment-sent")


def _receive(request, item, page_with_form, *, sent):
    """Check and store a comment on ``item``; ``page_with_form(form, status)`` shows the
    item's own page with the form and its errors in place."""
    typed = request.POST.get("body", "")
    context = {"item": item, "on_page": isinstance(item, Page)}
    if not comments_are_open(item):
        return render(request, "comments/closed.html", context | {"typed": typed}, status=403)
    form = CommentForm(request.POST, item=item)
    if not form.is_valid():
        return page_with_form(form, 400)
    if not _body_is_utf8(request):
        form.add_error(
            None,
            _(
                "Your comment contains characters we could not read. Please check the text "
                "below and send it again."
            ),
        )
        return page_with_form(form, 400)
    data = form.cleaned_data
    try:
        submit_comment(
            item=item,
            parent=data["parent_comment"],
            name=data["name"],
            email=data["email"],
            url=data["website"],
            body=data["body"],
            ip=client_ip(request),
            user_agent=request.headers.get("User-Agent", ""),
            honeypot_filled=form.honeypot_filled,
        )
    except RateLimited:
        minutes = max(1, settings.COMMENTS_RATE_WINDOW_SECONDS // 60)
        response = render(
            request,
            "comments/rate_limited.html",
            context | {"typed": typed, "minutes": minutes},
            status=429,
        )
        response["Retry-After"] = str(settings.COMMENTS_RATE_WINDOW_SECONDS)
        return response
    except DuplicateComment:
        form.add_error(None, _("You already said that: this comment has already been sent."))
        return page_with_form(form, 409)
    # Every comment gets the same answer, held, published or spam: neither a bot nor anyone
    # else learns anything about the address it was sent with.
    return redirect(sent, item.pk)


@private_page
def comment_sent(request, post_id):
    post = get_object_or_404(Post.objects.published(), pk=post_id)
    return render(request, "comments/sent.html", {"item": post, "on_page": False})


@private_page
def page_comment_sent(request, page_id):
    page = get_object_or_404(Page.objects.published(), pk=page_id)
    return render(request, "comments/sent.html", {"item": page, "on_page": True})


def _body_is_utf8(request):
    """Django reads a URL-encoded body that is not UTF-8 as Latin-1 without complaint.

    (Percent-encoded bad bytes, and multipart bodies, arrive as U+FFFD, which the form
    refuses itself.)
    """
    if request.content_type != "application/x-www-form-urlencoded":
        return True
    try:
        request.body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
