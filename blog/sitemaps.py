"""/sitemap.xml: an index of sitemap pages of public posts, categories, tags and authors.

An index with pages of at most PAGE_SIZE URLs keeps every response quick and small however
many posts there are (one big sitemap of 10,000 posts took over a second to render).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, sitemap, x_robots_tag
from django.db.models import Exists, OuterRef
from django.template.response import TemplateResponse
from django.urls import reverse
from taggit.models import Tag, TaggedItem

from blog.models import Author, Category, Post
from core.siteurl import absolute_url
from pagecache.fragments import cached_body

PAGE_SIZE = 1000


class SiteURLSitemap(Sitemap):
    """Absolute URLs built from settings.SITE_URL, not the sites framework's example.com."""

    limit = PAGE_SIZE

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"


class PostSitemap(SiteURLSitemap):
    def items(self):
        return Post.objects.published().only("slug", "publish_at", "updated_at")

    def lastmod(self, post):
        return post.last_modified


class CategorySitemap(SiteURLSitemap):
    def items(self):
        return Category.objects.only("slug").order_by("slug")


class TagSitemap(SiteURLSitemap):
    def items(self):
        # Only tags on public posts: a tag used on a draft alone may announce unpublished news.
        on_public_post = TaggedItem.objects.filter(
            tag=OuterRef("pk"),
            content_type=ContentType.objects.get_for_model(Post),
            object_id__in=Post.objects.published().values("pk"),
        )
        return Tag.objects.filter(Exists(on_public_post)).order_by("slug")

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


@x_robots_tag
def sitemap_index(request):
    """Django's index view, but with locations from SITE_URL (one COUNT per section)."""
    locations = []
    for section, sitemap_class in sitemaps.items():
        url = absolute_url(reverse("sitemap-section", kwargs={"section": section}))
        pages = sitemap_class().paginator.num_pages
        locations += [url] + [f"{url}?p={page}" for page in range(2, pages + 1)]
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": [SitemapIndexItem(location, None) for location in locations]},
        content_type="application/xml",
    )


@x_robots_tag
def sitemap_section(request, section):
    """Django's sitemap view, its body built once per change of the content (a page of 1,000
    posts is 1,000 URLs to reverse: about 100 ms)."""

    def build():
        return sitemap(request, sitemaps=sitemaps, section=section).render()

    return cached_body(request, build)
