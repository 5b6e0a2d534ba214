"""The Moderator role: who may read and moderate comments (kept in step after migrate)."""

GROUPS = {"Moderator": ["comments.view_comment", "comments.change_comment"]}
