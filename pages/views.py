from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe

from contact.forms import ContactForm
from contact.views import receive_message
from core.language import item_alternates
from core.samesite import same_site_post
from core.translatable import translated_versions, with_translations
from pagecache.fragments import cached_html
from pages import roles
from pages.models import Page

SHOWN_FIELDS = ("title", "path", "excerpt", "status", "publish_at", "order", "language")


@same_site_post
def page_detail(request, path):
    """A page, its breadcrumb and its sub-pages; a POST sends its contact form."""
    pages = with_translations(
        Page.objects.visible_to(request.user), Page.objects.published(), path="path"
    )
    page = get_object_or_404(pages, path=path)
    if page.language != translation.get_language():
        return redirect(page, permanent=True)  # its one address, under its own prefix
    if request.method == "POST":
        if not (page.show_contact_form and page.is_public):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return receive_message(request, page, lambda form, status: render_page(
            request, page, form=form, status=status
        ))  # fmt: skip
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return render_page(request, page)


def render_page(request, page, *, form=None, status=200, extra_context=None):
    """The page view's response; ``extra_context`` carries what another app's form sends
    back with its errors (the comment form: ``comment_form``)."""

    def render():
        published = Page.objects.published()
        ancestors = {
            p.path: p for p in published.filter(path__in=page.ancestor_paths).only(*SHOWN_FIELDS)
        }
        context = {
            "page": page,
            "breadcrumb": [ancestors[p] for p in page.ancestor_paths if p in ancestors],
            "children": list(published.filter(parent=page).in_order().only(*SHOWN_FIELDS)),
        }
        return render_to_string("pages/_page_article.html", context)

    if page.is_public:
        article = cached_html(
            request, "page", render, part=f"{page.pk}.{page.updated_at.timestamp()}"
        )
    else:
        article = mark_safe(render())  # noqa: S308 - our own template; previews are not kept
    if page.show_contact_form and form is None:
        form = ContactForm()
    context = {
        "page": page,
        "article": article,
        "form": form if page.show_contact_form else None,
        "can_edit": not page.is_public and roles.can_edit(request.user, page),
        "alternates": item_alternates(translated_versions(page)),
        # Comments only under a public page whose comments staff switched on.
        "show_comments": page.allow_comments and page.is_public,
        **(extra_context or {}),
    }
    response = TemplateResponse(request, "pages/page_detail.html", context, status=status)
    if not page.is_public:
        add_never_cache_headers(response)
    return response
