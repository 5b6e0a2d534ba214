from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import get_template
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.views.generic import ListView
from taggit.models import Tag

from blog import roles
from blog.cards import LIST_FIELDS, post_cards
from blog.models import Author, Post
from blog.navigation import category_tree
from pagecache import generations
from pagecache.fragments import cached_count, cached_html, cached_value

PAGE_SIZE = 10
RELATED_POSTS = 3


class PublicPostListView(ListView):
    """Published posts, ten to a page.

    A page that does not exist (`?page=abc`, `?page=99999`) is a 404, as ListView does,
    never a quiet fall back to page 1 that search engines would index twice.
    """

    template_name = "blog/post_list.html"
    paginate_by = PAGE_SIZE
    # Pages about something with no public posts (a tag used only on drafts, an author who
    # never published, an empty month) answer 404 like WordPress does. Checked on the
    # paginator's count, which the page needs anyway, so it costs no extra query.
    empty_is_404 = False

    def public_posts(self):
        # Only what names each card's version (blog/cards.py); ordered explicitly, so
        # pagination never depends on a default.
        return Post.objects.published().only(*LIST_FIELDS).order_by("-publish_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cards"] = post_cards(self.request, context["object_list"])
        return context

    def get_paginator(self, queryset, per_page, **kwargs):
        # Counting a list's posts reads all of them (tens of milliseconds on a large site);
        # the number only changes with the site's content, so it is kept like a fragment.
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.__dict__["count"] = cached_count(self.request, self.request.path, queryset.count)
        return paginator

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        if self.empty_is_404 and paginator.count == 0:
            raise Http404
        # The page's posts (LIST_FIELDS only) change with the site's content and their
        # comment counts: kept until either changes.
        (counts,) = generations.for_request(self.request, generations.COMMENTS)
        object_list = cached_value(
            self.request, f"list:{self.request.path}:{page.number}:{counts}",
            lambda: list(object_list), generation=generations.SITE,
        )  # fmt: skip
        page.object_list = object_list
        return paginator, page, object_list, is_paginated


class PostListView(PublicPostListView):
    def get_queryset(self):
        return self.public_posts().order_by("-is_sticky", "-publish_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["show_hero"] = context["page_obj"].number == 1
        return context


class CategoryDetailView(PublicPostListView):
    """Posts of a category and of every category below it."""

    template_name = "blog/category_detail.html"

    def get_queryset(self):
        self.tree = category_tree(self.request)
        self.category = self.tree.get(self.kwargs["slug"])
        if self.category is None:
            raise Http404
        in_tree = Post.categories.through.objects.filter(
            category_id__in=self.tree.descendant_ids(self.category)
        ).values("post_id")
        # A subquery rather than a join, so a post in two of the categories appears once.
        return self.public_posts().filter(pk__in=in_tree)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category, ancestors=self.tree.ancestors(self.category), **kwargs
        )


def category_path_redirect(request, slug):
    """WordPress links nested categories as /category/parent/child/: send them on."""
    category = category_tree(request).get(slug)
    if category is None:
        raise Http404
    return redirect(category, permanent=True)


class TagDetailView(PublicPostListView):
    template_name = "blog/tag_detail.html"
    empty_is_404 = True

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return self.public_posts().filter(pk__in=Post.objects.tagged(self.tag))

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorDetailView(PublicPostListView):
    template_name = "blog/author_detail.html"
    empty_is_404 = True

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return self.public_posts().filter(author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class PostArchiveView(PublicPostListView):
    """/<yyyy>/, /<yyyy>/<mm>/ and /<yyyy>/<mm>/<dd>/, in the site's time zone."""

    template_name = "blog/post_archive.html"
    empty_is_404 = True

    def get_queryset(self):
        year, month, day = (self.kwargs.get(part) for part in ("year", "month", "day"))
        try:
            self.start = date(year, month or 1, day or 1)
            if day:
                end = self.start + timedelta(days=1)
            elif month:
                end = date(year + month // 12, month % 12 + 1, 1)
            else:
                end = date(year + 1, 1, 1)
        except (ValueError, OverflowError) as exc:  # 30 February, year 0000 or 9999 + 1
            raise Http404 from exc
        self.kind = "day" if day else "month" if month else "year"
        zone = timezone.get_current_timezone()
        return self.public_posts().filter(
            publish_at__gte=datetime.combine(self.start, time.min, tzinfo=zone),
            publish_at__lt=datetime.combine(end, time.min, tzinfo=zone),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(archive_date=self.start, archive_kind=self.kind, **kwargs)


def post_detail(request, year, month, day, slug):
    # Staff preview drafts and scheduled posts from the admin ("View on site").
    posts = Post.objects.select_related("author", "campaign").visible_to(request.user)
    post = get_object_or_404(posts, slug=slug)
    when = post.local_publish_at
    # Slugs are unique, so a wrong date still names one post: send readers to its one real
    # address (as WordPress does) instead of a dead end or a duplicate page.
    if (when.year, when.month, when.day) != (year, month, day):
        # A redirect recorded for this exact address (a changed slug or date, an imported
        # permalink whose slug was taken here) knows better than a guess from the slug.
        recorded = (
            Redirect.objects.filter(site_id=settings.SITE_ID, old_path=request.path)
            .values_list("new_path", flat=True)
            .first()
        )
        return redirect(recorded or post, permanent=True)
    return render_post_page(request, post)


def render_post_page(request, post, *, status=200, extra_context=None):
    """The post page. The post view and the comment form (sent back with its errors) both
    render it here, so the page always has the same context."""
    # The fragments below ask for these; one query (or none: the page cache read them).
    generations.for_request(request, generations.SITE, generations.path_name(request.path))
    context = {
        "post": post,
        "object": post,
        "article": post_article(request, post),
        "is_scheduled": post.status == Post.Status.PUBLISHED and not post.is_public,
        "can_edit": not post.is_public and roles.can_edit(request.user, post),
        **(extra_context or {}),
    }
    response = TemplateResponse(request, "blog/post_detail.html", context, status=status)
    if not post.is_public:
        add_never_cache_headers(response)  # a preview must never sit in a shared cache
    return response


def post_article(request, post):
    """The post itself, its campaign box, previous/next and related posts: one fragment per
    version of the post (any change to published posts makes a new one)."""

    def render():
        prefetch_related_objects([post], "categories", "tags")
        published = Post.objects.published()
        previous_post, next_post = published.adjacent_to(post)
        tag_ids = [tag.pk for tag in post.tags.all()]
        context = {
            "post": post,
            "previous_post": previous_post,
            "next_post": next_post,
            "related_posts": published.related_to(post, tag_ids, limit=RELATED_POSTS),
        }
        return get_template("blog/_post_article.html").render(context)

    if not post.is_public:
        # Previews change with every save and are never kept.
        return mark_safe(render())  # noqa: S308 - rendered by our own template
    return cached_html(
        request, "post-article", render, part=f"{post.pk}.{post.updated_at.timestamp()}"
    )
