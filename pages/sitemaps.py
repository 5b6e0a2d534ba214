from blog.sitemaps import SiteURLSitemap
from pages.models import Page


class PageSitemap(SiteURLSitemap):
    def items(self):
        return (
            Page.objects.published()
            .filter(show_in_sitemap=True)
            .only("path", "updated_at")
            .order_by("path")
        )

    def lastmod(self, page):
        return page.updated_at
