from django.utils.functional import SimpleLazyObject

from menus.sitetext import site_text


def site_content(request):
    """``site_text`` for every template: read (from the cache) only when a template asks."""
    return {"site_text": SimpleLazyObject(lambda: site_text(request))}
