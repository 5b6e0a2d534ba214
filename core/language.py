"""The language of a response, without cookies and without Accept-Language on public pages.

A public page's language is part of its address (the default language has no prefix), so
its bytes never depend on a request header and shared caches need no Vary for it. The staff
area follows the browser's Accept-Language, as Django's LocaleMiddleware does; staff pages
are private, so that costs caches nothing.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        if staff_area:
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
