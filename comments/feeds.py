"""RSS feeds of approved comments on public posts and pages. Author names only, never
emails."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from blog.models import Post
from comments.models import Comment, set_comment_pages
from comments.rendering import render_body
from core.feeds import StableRssFeed
from core.siteurl import absolute_url

FEED_SIZE = 30


class _CommentFeed(Feed):
    feed_type = StableRssFeed

    def item_title(self, item):
        return _("%(name)s on “%(title)s”") % {
            "name": item.author_name,
            "title": item.item.title,
        }

    def item_description(self, item):
        return render_body(item.body)

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_author_name(self, item):
        return item.author_name

    def item_pubdate(self, item):
        return item.submitted_at


class LatestCommentsFeed(_CommentFeed):
    def title(self):
        return _("Comments on %(site)s") % {"site": settings.SITE_NAME}

    def description(self):
        return _("The latest approved comments on all posts and pages.")

    def link(self):
        return absolute_url(reverse("blog:post-list"))

    def feed_url(self):
        return absolute_url(reverse("comments:feed"))

    def items(self):
        comments = (
            Comment.objects.approved()
            .on_public_items()
            .filter(Q(post__language=get_language()) | Q(page__language=get_language()))
            .order_by("-submitted_at", "-pk")
            .select_related("post", "page")[:FEED_SIZE]
        )
        return set_comment_pages(list(comments))  # each links to its page of comments


class PostCommentsFeed(_CommentFeed):
    def get_object(self, request, post_id):
        return get_object_or_404(Post.objects.published(), pk=post_id)

    def title(self, post):
        return _("Comments on “%(title)s”") % {"title": post.title}

    def description(self, post):
        return _("The latest approved comments on this post.")

    def link(self, post):
        return absolute_url(post.get_absolute_url())

    def feed_url(self, post):
        return absolute_url(reverse("comments:post-feed", args=[post.pk]))

    def items(self, post):
        comments = list(
            Comment.objects.approved().on(post).order_by("-submitted_at", "-pk")[:FEED_SIZE]
        )
        for comment in comments:
            comment.post = post  # every item links to this post: no query each
        return set_comment_pages(comments)
