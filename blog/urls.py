from django.urls import path, re_path, register_converter

import blog.feeds
import blog.search
from blog import views

app_name = "blog"


class _Number:
    """A fixed-width, zero-padded number in a WordPress-style date URL."""

    regex, digits, low, high = "[0-9]{2}", 2, 1, 12

    def to_python(self, value):
        number = int(value)
        if not self.low <= number <= self.high:
            raise ValueError(value)  # no URL matches, so month 13 is a 404, not a 500
        return number

    def to_url(self, value):
        return f"{int(value):0{self.digits}d}"


class YearConverter(_Number):
    regex, digits, low, high = "[0-9]{4}", 4, 1, 9999


class MonthConverter(_Number):
    regex, digits, low, high = "[0-9]{2}", 2, 1, 12


class DayConverter(_Number):
    regex, digits, low, high = "[0-9]{2}", 2, 1, 31


register_converter(YearConverter, "yyyy")
register_converter(MonthConverter, "mm")
register_converter(DayConverter, "dd")

urlpatterns = [
    path("", views.PostListView.as_view(), name="post-list"),
    path("<yyyy:year>/", views.PostArchiveView.as_view(), name="archive-year"),
    path("<yyyy:year>/<mm:month>/", views.PostArchiveView.as_view(), name="archive-month"),
    path("<yyyy:year>/<mm:month>/<dd:day>/", views.PostArchiveView.as_view(), name="archive-day"),
    path(
        "<yyyy:year>/<mm:month>/<dd:day>/<slug:slug>/",
        views.post_detail,
        name="post-detail",
    ),
    path("category/<slug:slug>/", views.CategoryDetailView.as_view(), name="category-detail"),
    path("tag/<slug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
    path("author/<slug:slug>/", views.AuthorDetailView.as_view(), name="author-detail"),
]

# Feeds (WordPress addresses: <page>feed/ is RSS 2.0, <page>feed/atom/ is Atom) and search.
site_rss, site_atom = blog.feeds.with_atom(blog.feeds.LatestPostsFeed)
category_rss, category_atom = blog.feeds.with_atom(blog.feeds.CategoryPostsFeed)
tag_rss, tag_atom = blog.feeds.with_atom(blog.feeds.TagPostsFeed)
urlpatterns += [
    path("feed/", site_rss, name="feed"),
    path("feed/atom/", site_atom, name="feed-atom"),
    path("category/<slug:slug>/feed/", category_rss, name="category-feed"),
    path("category/<slug:slug>/feed/atom/", category_atom, name="category-feed-atom"),
    path("tag/<slug:slug>/feed/", tag_rss, name="tag-feed"),
    path("tag/<slug:slug>/feed/atom/", tag_atom, name="tag-feed-atom"),
    path("search/", blog.search.post_search, name="search"),
    # Old WordPress links to child categories: /category/<parent>/.../<slug>/. Last, so the
    # category feeds above (/category/<slug>/feed/atom/) are matched first.
    re_path(
        r"^category/(?:[-\w]+/)+(?P<slug>(?!feed/$)[-\w]+)/$",
        views.category_path_redirect,
        name="category-path",
    ),
]
