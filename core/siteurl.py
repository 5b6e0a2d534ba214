from django.conf import settings


def absolute_url(url) -> str:
    """A site-relative address made absolute on SITE_URL, the canonical address.

    Used for feeds, emails, OpenGraph and canonical links, where readers have no page to
    resolve a relative link against. Already absolute addresses pass through.
    """
    url = str(url)
    return f"{settings.SITE_URL}{url}" if url.startswith("/") else url
