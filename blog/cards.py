"""Post cards on list pages, rendered once per version of a post and kept as fragments.

A card's key holds the post's id, its last change and its comment count; the SITE
generation in every fragment key covers its author, categories and tags. A list page then
reads its cards in one cache round trip and loads full posts only for the ones missing.
"""

from django.template.loader import get_template

from blog.models import Post, name_tags
from pagecache.fragments import cached_many

# What a list page loads for every post on it: enough to name each card's version.
LIST_FIELDS = ("pk", "updated_at", "comment_count", "is_sticky", "publish_at")


def card_part(post):
    return f"{post.pk}.{post.updated_at.timestamp()}.{post.comment_count}"


def post_cards(request, posts):
    """The HTML of each post's card, in the order of ``posts``."""
    parts = {post.pk: card_part(post) for post in posts}

    def render_missing(missing):
        wanted = [pk for pk, part in parts.items() if part in set(missing)]
        full = Post.objects.for_listing().in_bulk(wanted)
        name_tags(list(full.values()))
        template = get_template("blog/_post_card.html")
        return {parts[pk]: template.render({"post": full[pk]}) for pk in wanted if pk in full}

    html = cached_many(request, "post-card", list(parts.values()), render_missing)
    return [html[parts[post.pk]] for post in posts if parts[post.pk] in html]
