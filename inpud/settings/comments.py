"""Comment moderation rules (as WordPress's discussion settings), all from the environment.

Lists are comma-separated. Every value has a safe default: hold everything for moderation
unless the sender already has an approved comment.
"""

from inpud.settings.env import env_bool, env_int, env_list

# Replies nest at most this many levels (1 = no replies at all).
COMMENTS_MAX_DEPTH = env_int("COMMENTS_MAX_DEPTH", 3)
# Close the form this many days after a post is published; 0 keeps comments open forever.
COMMENTS_CLOSE_AFTER_DAYS = env_int("COMMENTS_CLOSE_AFTER_DAYS", 0)
# At most COMMENTS_RATE_LIMIT stored comments per sender (IP hash) per window.
COMMENTS_RATE_LIMIT = env_int("COMMENTS_RATE_LIMIT", 5)
COMMENTS_RATE_WINDOW_SECONDS = env_int("COMMENTS_RATE_WINDOW_SECONDS", 600)
# Auto-approve a sender whose email already has an approved comment (WordPress's
# "comment author must have a previously approved comment"); off = hold everything.
COMMENTS_AUTO_APPROVE_KNOWN_AUTHORS = env_bool("COMMENTS_AUTO_APPROVE_KNOWN_AUTHORS", True)
# A comment with this many links or more is held even from a known author.
COMMENTS_MAX_LINKS = env_int("COMMENTS_MAX_LINKS", 2)
# Words, emails, addresses or IPs (case-insensitive substrings) that hold a comment ...
COMMENTS_HOLD_WORDS = env_list("COMMENTS_HOLD_WORDS")
# ... or send it straight to spam.
COMMENTS_SPAM_WORDS = env_list("COMMENTS_SPAM_WORDS")
# IP hashes and user agents older than this are cleared by `manage.py purge_comment_metadata`.
COMMENTS_METADATA_RETENTION_DAYS = env_int("COMMENTS_METADATA_RETENTION_DAYS", 30)
