"""Comment moderation rules (as WordPress's discussion settings), all from the environment.

Lists are comma-separated. Every comment that is not spam is held for moderation: an email
address proves nothing, so a "known author" is never published at once.
"""

from inpud.settings.env import env_int, env_list

# Top-level comments per page under a post, each with all its replies (threads stay whole).
COMMENTS_THREADS_PER_PAGE = env_int("COMMENTS_THREADS_PER_PAGE", 20)
# Replies nest at most this many levels (1 = no replies at all).
COMMENTS_MAX_DEPTH = env_int("COMMENTS_MAX_DEPTH", 3)
# Close the form this many days after a post is published; 0 keeps comments open forever.
COMMENTS_CLOSE_AFTER_DAYS = env_int("COMMENTS_CLOSE_AFTER_DAYS", 0)
# At most COMMENTS_RATE_LIMIT stored comments per sender (IP hash) per window.
COMMENTS_RATE_LIMIT = env_int("COMMENTS_RATE_LIMIT", 5)
COMMENTS_RATE_WINDOW_SECONDS = env_int("COMMENTS_RATE_WINDOW_SECONDS", 600)
# Words, emails, addresses or IPs (case-insensitive substrings) that send a comment straight
# to spam.
COMMENTS_SPAM_WORDS = env_list("COMMENTS_SPAM_WORDS")
# IP hashes and user agents older than this are cleared by `manage.py purge_comment_metadata`.
COMMENTS_METADATA_RETENTION_DAYS = env_int("COMMENTS_METADATA_RETENTION_DAYS", 30)
