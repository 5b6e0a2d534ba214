"""/sitemap.xml: public posts, categories, tags and authors, one query per section."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse
from taggit.models import Tag

from blog.models import Author, Category, Post


class SiteURLSitemap(Sitemap):
    """Absolute URLs built from settings.SITE_URL, not the sites framework's example.com."""

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"


class PostSitemap(SiteURLSitemap):
    def items(self):
        return Post.objects.published().only("slug", "publish_at", "updated_at")

    def lastmod(self, post):
        # A scheduled post is new on the day it appears, even if it was last edited before.
        return max(post.updated_at, post.publish_at)


class CategorySitemap(SiteURLSitemap):
    def items(self):
        return Category.objects.only("slug").order_by("slug")


class TagSitemap(SiteURLSitemap):
    def items(self):
        # Only tags on public posts: a tag used on a draft alone may announce unpublished news.
        return Tag.objects.filter(post__in=Post.objects.published()).distinct().order_by("slug")

    def location(self, tag):
        return reverse("blog:tag-detail", kwargs={"slug": tag.slug})


class AuthorSitemap(SiteURLSitemap):
    def items(self):
        has_public_post = Exists(Post.objects.published().filter(author=OuterRef("pk")))
        return Author.objects.filter(has_public_post).only("slug").order_by("slug")


sitemaps = {
    "posts": PostSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}
