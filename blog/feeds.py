"""RSS 2.0 and Atom feeds: the whole site, each category (with its descendants) and each tag.

Every link is built from settings.SITE_URL, the canonical address, rather than from the
Sites framework's domain, so feeds agree with canonical links and sitemaps.
"""

import mimetypes
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from blog.models import Category, Post, name_tags, tags_in_language
from core.feeds import StableAtomFeed, StableRssFeed
from core.sanitize import MORE_MARKER
from core.siteurl import absolute_url
from pagecache.fragments import cached_body

FEED_SIZE = 20
SUMMARY_WORDS = 55
# Sanitised bodies (nh3 output) always quote attributes with double quotes, so this finds
# every root-relative link or image; feed readers have no page address to resolve them.
_ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


def absolutize_links(html):
    return _ROOT_RELATIVE.sub(rf"\1{settings.SITE_URL}/", html)


class RssWithContentFeed(StableRssFeed):
    """RSS 2.0 plus the full post in <content:encoded>, as WordPress feeds carry it."""

    def __init__(self, *args, description, **kwargs):
        # Readers render an RSS <description> as HTML, the channel's as an item's; ours is
        # plain text (a category's description, a tag's name), so it is escaped like an
        # excerpt. Atom's <subtitle> is text by definition and is left alone.
        super().__init__(*args, description=escape(description), **kwargs)

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_encoded"):
            handler.addQuickElement("content:encoded", item["content_encoded"])


class PostFeed(Feed):
    """Published posts, newest first. Subclasses narrow the posts and name the feed."""

    feed_type = RssWithContentFeed
    url_name = "blog:feed"

    def __call__(self, request, *args, **kwargs):
        # A feed is made from published posts alone: built once per change of the content.
        return cached_body(
            request, lambda: super(PostFeed, self).__call__(request, *args, **kwargs)
        )

    def posts(self, obj):
        return Post.objects.published().in_language()

    def feed_url_kwargs(self, obj):
        return {}

    def feed_url(self, obj):
        return absolute_url(reverse(self.url_name, kwargs=self.feed_url_kwargs(obj)))

    def items(self, obj):
        # The author and every category and tag come in three queries, whatever the size.
        posts = (
            self.posts(obj)
            .select_related("author")
            .prefetch_related("categories", "tags")
            .order_by("-publish_at", "-pk")[:FEED_SIZE]
        )
        return name_tags(list(posts))

    def item_title(self, post):
        # Plain text, escaped once by the XML writer. Django's default escapes it again,
        # which readers (feedparser, WordPress's own feeds) then show as "&amp;".
        return post.title

    def item_link(self, post):
        return absolute_url(post.get_absolute_url())

    def item_guid(self, post):
        return self.item_link(post)

    item_guid_is_permalink = True

    def item_pubdate(self, post):
        return post.publish_at

    def item_updateddate(self, post):
        return post.last_modified

    def item_author_name(self, post):
        # Only the public display name: never an email, never the login username.
        return post.author.display_name

    def item_categories(self, post):
        categories = [c.local_name for c in post.categories.all()]
        return categories + [local_name(t) for t in post.tags.all()]

    def item_description(self, post):
        if post.excerpt:
            return f"<p>{escape(post.excerpt)}</p>"
        teaser = post.teaser_html
        if teaser is None:
            teaser = Truncator(post.body).words(SUMMARY_WORDS, html=True)
        return absolutize_links(teaser)

    def item_extra_kwargs(self, post):
        return {"content_encoded": absolutize_links(post.body.replace(MORE_MARKER, ""))}

    def item_enclosures(self, post):
        image = post.featured_image
        if not image:
            return []
        try:
            length = str(image.size)
        except OSError:  # a missing file must not take the whole feed down
            length = "0"
        mime_type = mimetypes.guess_type(image.name)[0] or "application/octet-stream"
        return [Enclosure(absolute_url(image.url), length, mime_type)]


def with_atom(feed):
    """The RSS feed class and its Atom twin (same items, at <rss address>atom/)."""
    atom = type(
        f"{feed.__name__}Atom",
        (feed,),
        {
            "feed_type": StableAtomFeed,
            "url_name": f"{feed.url_name}-atom",
            "subtitle": lambda self, obj: self.description(obj),
        },
    )
    return feed(), atom()


class LatestPostsFeed(PostFeed):
    def title(self):
        return settings.SITE_NAME

    def link(self):
        return absolute_url(reverse("blog:post-list"))

    def description(self, obj=None):
        return _("News, campaigns and research from %(site)s.") % {"site": settings.SITE_NAME}


def local_name(term):
    """A category's or a tag's name in the language being shown."""
    return getattr(term, "local_name", None) or term.name


class TermPostsFeed(PostFeed):
    """The posts of one category or tag, named by its slug in the address."""

    model = None

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def feed_url_kwargs(self, term):
        return {"slug": term.slug}

    def link(self, term):
        return absolute_url(self.page_url(term))

    def title(self, term):
        return self.title_format % {"site": settings.SITE_NAME, "name": local_name(term)}


class CategoryPostsFeed(TermPostsFeed):
    model = Category
    url_name = "blog:category-feed"
    title_format = gettext_lazy("%(site)s: posts in %(name)s")

    def posts(self, category):
        # A semi-join rather than DISTINCT: a post in both a category and its child appears
        # once, and PostgreSQL can stop after 20 rows in publish order.
        in_tree = Post.categories.through.objects.filter(
            category_id__in=category.descendant_ids()
        ).values("post_id")
        return Post.objects.published().in_language().filter(pk__in=in_tree)

    def page_url(self, category):
        return category.get_absolute_url()

    def description(self, category):
        return category.local_description or _("The latest posts in %(category)s.") % {
            "category": category.local_name
        }


class TagPostsFeed(TermPostsFeed):
    model = Tag
    url_name = "blog:tag-feed"

    def get_object(self, request, slug):
        return get_object_or_404(tags_in_language(), slug=slug)

    title_format = gettext_lazy("%(site)s: posts tagged %(name)s")

    def posts(self, tag):
        return Post.objects.published().in_language().filter(pk__in=Post.objects.tagged(tag))

    def page_url(self, tag):
        return reverse("blog:tag-detail", kwargs={"slug": tag.slug})

    def description(self, tag):
        return _("The latest posts tagged %(tag)s.") % {"tag": local_name(tag)}
