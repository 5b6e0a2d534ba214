from django.urls import path

import blog.feeds
import blog.search
from blog import views

app_name = "blog"

urlpatterns = [
    path("", views.PostListView.as_view(), name="post-list"),
    path(
        "<int:year>/<str:month>/<str:day>/<slug:slug>/",
        views.PostDetailView.as_view(),
        name="post-detail",
    ),
    path("category/<slug:slug>/", views.CategoryDetailView.as_view(), name="category-detail"),
    path("tag/<slug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
    path("author/<slug:slug>/", views.AuthorDetailView.as_view(), name="author-detail"),
]

# Feeds (WordPress addresses: /feed/ is RSS 2.0, /feed/atom/ is Atom) and search.
urlpatterns += [
    path("feed/", blog.feeds.LatestPostsFeed(), name="feed"),
    path("feed/atom/", blog.feeds.LatestPostsAtomFeed(), name="feed-atom"),
    path("category/<slug:slug>/feed/", blog.feeds.CategoryPostsFeed(), name="category-feed"),
    path(
        "category/<slug:slug>/feed/atom/",
        blog.feeds.CategoryPostsAtomFeed(),
        name="category-feed-atom",
    ),
    path("tag/<slug:slug>/feed/", blog.feeds.TagPostsFeed(), name="tag-feed"),
    path("tag/<slug:slug>/feed/atom/", blog.feeds.TagPostsAtomFeed(), name="tag-feed-atom"),
    path("search/", blog.search.post_search, name="search"),
]
