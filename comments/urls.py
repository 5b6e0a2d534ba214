from django.urls import path

from comments import feeds, views

app_name = "comments"

urlpatterns = [
    path("post/<int:post_id>/", views.post_comment, name="post-comment"),
    path("post/<int:post_id>/sent/", views.comment_sent, name="comment-sent"),
    path("feed/", feeds.LatestCommentsFeed(), name="feed"),
    path("feed/<int:post_id>/", feeds.PostCommentsFeed(), name="post-feed"),
]
