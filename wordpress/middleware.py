"""Old WordPress query-string links, answered with a permanent redirect.

WordPress answers ``/?p=12``, ``/?page_id=7``, ``/?cat=3``, ``/?tag=naloxone``,
``/?author=2`` and ``/?attachment_id=9`` at the site root, whatever its permalink
settings. Links like these live on in emails, PDFs and other sites, so each is looked up in
the import mapping (one query) and sent to the imported object with a 301. An ID the import
never saw gets a 404 that says so, not the home page.
"""

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from taggit.models import Tag

from blog.models import Author, Category, Post
from core.params import parse_id
from pages.models import Page
from wordpress.models import ImportedObject

Kind = ImportedObject.Kind
PARAMETERS = ("p", "page_id", "cat", "tag", "author", "attachment_id")


def _target(kind, wp_id, queryset):
    mapped = ImportedObject.objects.filter(kind=kind, wp_id=wp_id).values("object_id")
    return queryset.filter(pk__in=mapped).first()


def find_redirect(name, value):
    """The new address for one old query parameter, or None."""
    if "\x00" in value:  # PostgreSQL refuses NUL in text, so nothing could match it
        return None
    if name == "tag":
        # The tag's WordPress slug (kept in the mapping) or, for tags made here, its own slug.
        mapped = ImportedObject.objects.filter(kind=Kind.TAG, guid=value).values("object_id")
        tag = Tag.objects.filter(Q(pk__in=mapped) | Q(slug=value)).first()
        return reverse("blog:tag-detail", kwargs={"slug": tag.slug}) if tag else None
    wp_id = parse_id(value)
    if wp_id is None:
        return None
    if name == "p":
        post = _target(Kind.POST, wp_id, Post.objects.published())
        return post.get_absolute_url() if post else None
    if name == "cat":
        category = _target(Kind.CATEGORY, wp_id, Category.objects.all())
        return category.get_absolute_url() if category else None
    if name == "author":
        author = _target(Kind.AUTHOR, wp_id, Author.objects.all())
        return author.get_absolute_url() if author else None
    if name == "attachment_id":
        mapping = ImportedObject.objects.filter(kind=Kind.ATTACHMENT, wp_id=wp_id).first()
        if mapping and mapping.file:
            return default_storage.url(mapping.file)
        return None
    return _page_redirect(wp_id)


def _page_redirect(wp_id):
    """The imported page, if it is public; else (pages an import before pages were imported
    only noted) the redirect staff added for the page's old address."""
    page = _target(Kind.PAGE, wp_id, Page.objects.published())
    if page is not None:
        return page.get_absolute_url()
    old_paths = ImportedObject.objects.filter(kind=Kind.PAGE, wp_id=wp_id).values("old_path")
    redirect = (
        Redirect.objects.filter(site_id=settings.SITE_ID, old_path__in=old_paths)
        .exclude(new_path="")
        .first()
    )
    return redirect.new_path if redirect else None


class WordPressRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        name, value = self._old_link(request)
        if name is None:
            return self.get_response(request)
        location = find_redirect(name, value)
        if location:
            return HttpResponsePermanentRedirect(location)
        return render(
            request, "wordpress/not_moved.html", {"is_page": name == "page_id"}, status=404
        )

    @staticmethod
    def _old_link(request):
        """The first WordPress query parameter of a GET to the site root, or (None, None)."""
        if request.path == "/" and request.method in ("GET", "HEAD"):
            for name in PARAMETERS:
                if value := request.GET.get(name, "").strip():
                    return name, value
        return None, None
