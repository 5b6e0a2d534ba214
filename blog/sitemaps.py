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
from django.utils import translation
from taggit.models import Tag, TaggedItem

from blog.models import Author, Category, Post
from core import language
from core.language import item_alternates
from core.siteurl import absolute_url
from core.translatable import translated_versions, with_translations
from pagecache.fragments import cached_body

PAGE_SIZE = 1000


class SiteURLSitemap(Sitemap):
    """Absolute URLs built from settings.SITE_URL, not the sites framework's example.com."""

    limit = PAGE_SIZE

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def versions(self, item):
        """{language: site-relative address} of this item in the site's languages, or {}."""
        return {}

    def get_urls(self, page=1, site=None, protocol=None):
        """Each address with its versions in the other languages (xhtml:link hreflang), and
        x-default (the English version, else the original)."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            versions = self.versions(url["item"])
            if len(versions) < 2:
                continue
            url["alternates"] = [
                {"lang_code": code, "location": absolute_url(address)}
                for code, address in versions.items()
            ]
            default = versions.get(settings.LANGUAGE_CODE) or next(iter(versions.values()))
            url["alternates"].append({"lang_code": "x-default", "location": absolute_url(default)})
        return urls


class PostSitemap(SiteURLSitemap):
    """Every public post in every language, each with its translations."""

    def items(self):
        posts = Post.objects.published().only(
            "slug", "publish_at", "updated_at", "language", "translation_of"
        )
        return with_translations(
            posts, Post.objects.published(), slug="slug", publish_at="publish_at"
        ).order_by("-publish_at", "-pk")

    def versions(self, post):
        return item_alternates(translated_versions(post, ["publish_at"]))

    def lastmod(self, post):
        return post.last_modified


class CategorySitemap(SiteURLSitemap):
    """Categories are shared by every language (their names are translated)."""

    def items(self):
        return Category.objects.only("slug").order_by("slug")

    def versions(self, category):
        addresses = {}
        for code in language.codes():
            with translation.override(code):
                addresses[code] = category.get_absolute_url()
        return addresses


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
