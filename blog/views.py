from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from blog.models import Author, Category, Post

PAGE_SIZE = 10


class PostListView(ListView):
    template_name = "blog/post_list.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Post.objects.published().for_listing().order_by("-is_sticky", "-publish_at", "-pk")


class PostDetailView(DetailView):
    template_name = "blog/post_detail.html"

    def get_queryset(self):
        qs = Post.objects.for_listing()
        if self.request.user.has_perm("blog.change_post"):
            return qs
        return qs.published()

    def get_object(self, queryset=None):
        post = get_object_or_404(self.get_queryset(), slug=self.kwargs["slug"])
        when = post.local_publish_at
        if (str(when.year), f"{when.month:02d}", f"{when.day:02d}") != (
            str(self.kwargs["year"]),
            self.kwargs["month"],
            self.kwargs["day"],
        ):
            raise Http404
        return post


class _FilteredPostList(ListView):
    """A list of published posts narrowed by one object (category, tag, author)."""

    template_name = "blog/post_archive.html"
    paginate_by = PAGE_SIZE

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading_object=self.object, **kwargs)


class CategoryDetailView(_FilteredPostList):
    def get_queryset(self):
        self.object = get_object_or_404(Category, slug=self.kwargs["slug"])
        return (
            Post.objects.published()
            .for_listing()
            .filter(categories__in=self.object.descendant_ids())
            .distinct()
        )


class TagDetailView(_FilteredPostList):
    def get_queryset(self):
        self.object = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Post.objects.published().for_listing().filter(tags=self.object)


class AuthorDetailView(_FilteredPostList):
    def get_queryset(self):
        self.object = get_object_or_404(Author, slug=self.kwargs["slug"])
        return Post.objects.published().for_listing().filter(author=self.object)
