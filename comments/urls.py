from django.urls import path

from comments import feeds, views

app_name = "comments"

urlpatterns = [
    path("post/<int:post_id>/", views.post_comment, name="post-comment"),
    path("post/<int:post_id>/sent/", views.comment_sent, name="comment-sent"),
    path("page/<int:page_id>/", views.page_comment, name="page-comment"),
    path("page/<int:page_id>/sent/", views.page_comment_sent, name="page-comment-sent"),
    path("feed/", feeds.LatestCommentsFeed(), name="feed"),
    path("feed/<int:post_id>/", feeds.PostCommentsFeed(), name="post-feed"),
]
