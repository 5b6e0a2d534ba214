from blog.sitemaps import SiteURLSitemap
from core.language import item_alternates
from core.translatable import translated_versions, with_translations
from pages.models import Page


class PageSitemap(SiteURLSitemap):
    def items(self):
        pages = (
            Page.objects.published()
            .filter(show_in_sitemap=True)
            .only("path", "updated_at", "language", "translation_of")
            .order_by("path")
        )
        return with_translations(pages, Page.objects.published(), path="path")

    def versions(self, page):
        return item_alternates(translated_versions(page))

    def lastmod(self, page):
        return page.updated_at
