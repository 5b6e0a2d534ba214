"""The language of a response, without cookies and without Accept-Language on public pages.

A public page's language is part of its address: English has no prefix (today's addresses,
old links and WordPress permalinks), the others live under /ru/, /es/, /fr/ (``i18n_patterns``
in inpud/urls.py). So a page's bytes never depend on a request header, and shared caches need
no ``Vary`` for it. The staff area follows the browser's Accept-Language, as Django's
LocaleMiddleware does; staff pages are private, so that costs caches nothing. No language is
ever kept in a cookie or a session: readers switch with plain links (``versions``).
"""

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Query parameters a page in another language keeps (a search); ?page=3 of one language's
# list is not page 3 of another's.
KEPT_PARAMETERS = ("q",)


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        staff_area = request.path.startswith(settings.PRIVATE_PATH_PREFIXES)
        if staff_area:
            language = translation.get_language_from_request(request)
        else:
            language = translation.get_language_from_path(request.path_info)
            language = language or settings.LANGUAGE_CODE
        # For this request only: the thread's language is given back afterwards, so nothing
        # run later in this thread (another request's setup, a test) inherits it.
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        if staff_area:
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


def home_url(code):
    """A language's home page."""
    return "/" if code == settings.LANGUAGE_CODE else f"/{code}/"


def codes():
    return [code for code, _name in settings.LANGUAGES]


def page_alternates(request):
    """{code: address} of the page being shown in every language (lists, archives, search):
    the same address under each language's prefix."""
    query = request.GET.copy()
    for name in list(query):
        if name not in KEPT_PARAMETERS:
            del query[name]
    suffix = f"?{query.urlencode()}" if query else ""
    return {code: translate_url(request.path, code) + suffix for code in codes()}


def item_alternates(items):
    """{code: address} of an item's translations (the ones the reader may see)."""
    found = {item.language: item.get_absolute_url() for item in items}
    return {code: found[code] for code in codes() if code in found}


def versions(request, alternates=None):
    """What the language switcher and the hreflang links need.

    ``alternates`` are an item's translations ({code: url}); without them the page is a list
    or an archive, present in every language. A language with no translation of the item
    links to its home page, and is not announced with hreflang.
    """
    current = translation.get_language()
    if alternates is None:
        alternates = page_alternates(request)
    links = []
    for code in codes():
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": alternates.get(code) or home_url(code),
                "translated": code in alternates,
                "current": code == current,
            }
        )
    default = alternates.get(settings.LANGUAGE_CODE) or next(iter(alternates.values()), None)
    return {
        "links": links,
        "hreflang": [(code, url) for code, url in alternates.items()],
        "x_default": default,
    }


def in_every_language(name, *args, **kwargs):
    """The address named ``name`` under every language's prefix (generations to bump)."""
    addresses = []
    for code in codes():
        with translation.override(code):
            addresses.append(reverse(name, args=args, kwargs=kwargs))
    return addresses


def localize_path(path, code):
    """An English address on this site (as staff type them in menus: /campaigns/) under
    ``code``'s prefix, when it names one of the readers' pages; others are left as they are.
    (translate_url reads the address in the active language, so English is made active.)"""
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(path, code)
