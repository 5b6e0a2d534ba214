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


@same_site_post
@require_POST
def post_comment(request, post_id):
    post = get_object_or_404(Post.objects.published().for_listing(), pk=post_id)
    typed = request.POST.get("body", "")
    if not comments_are_open(post):
        return render(request, "comments/closed.html", {"post": post, "typed": typed}, status=403)
    form = CommentForm(request.POST, post=post)
    if not form.is_valid():
        return post_page_with_form(request, post, form, status=400)
    if not _body_is_utf8(request):
        form.add_error(
            None,
            _(
                "Your comment contains characters we could not read. Please check the text "
                "below and send it again."
            ),
        )
        return post_page_with_form(request, post, form, status=400)
    data = form.cleaned_data
    try:
        submit_comment(
            post=post,
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
            {"post": post, "typed": typed, "minutes": minutes},
            status=429,
        )
        response["Retry-After"] = str(settings.COMMENTS_RATE_WINDOW_SECONDS)
        return response
    except DuplicateComment:
        form.add_error(None, _("You already said that: this comment has already been sent."))
        return post_page_with_form(request, post, form, status=409)
    # Every comment gets the same answer, held, published or spam: neither a bot nor anyone
    # else learns anything about the address it was sent with.
    return redirect("comments:comment-sent", post_id=post.pk)


@private_page
def comment_sent(request, post_id):
    post = get_object_or_404(Post.objects.published(), pk=post_id)
    return render(request, "comments/sent.html", {"post": post})


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


def post_page_with_form(request, post, form, *, status):
    """The post page itself, with this bound form and its errors in place."""
    return render_post_page(request, post, status=status, extra_context={"comment_form": form})
