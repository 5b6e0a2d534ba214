from django.urls import path, re_path, register_converter

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
        views.PostDetailView.as_view(),
        name="post-detail",
    ),
    path("category/<slug:slug>/", views.CategoryDetailView.as_view(), name="category-detail"),
    # Old WordPress links to child categories: /category/<parent>/.../<slug>/. A last
    # segment of "feed" is left alone for the category feeds.
    re_path(
        r"^category/(?:[-\w]+/)+(?P<slug>(?!feed/$)[-\w]+)/$",
        views.category_path_redirect,
        name="category-path",
    ),
    path("tag/<slug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
    path("author/<slug:slug>/", views.AuthorDetailView.as_view(), name="author-detail"),
]
