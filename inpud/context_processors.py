from django.conf import settings


def site(request):
    """Site name and absolute base URL, for the header, meta tags and canonical links."""
    return {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL}
