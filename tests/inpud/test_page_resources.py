"""Public pages load nothing from other hosts and nothing the Content-Security-Policy blocks.

The policy (inpud/middleware.py) allows styles and scripts from our own files only: an inline
style="", <style> block or inline <script> would be silently dropped by the browser.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from defusedxml import ElementTree
from django.conf import settings

from tests.inpud.site import build_site
from tests.inpud.test_xss import HTML_ELEMENTS

# Elements whose addresses the browser fetches by itself (plain <a href> links it does not).
FETCHED = {
    "link": ["href"],
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
}


class Resources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.addresses, self.inline = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.inline.append(f"<{tag} style=…>")
        if tag == "style":
            self.inline.append("<style>")
        if tag == "script" and not attrs.get("src"):
            self.inline.append("inline <script>")
        if any(name.startswith("on") for name in attrs):
            self.inline.append(f"<{tag} on…=>")
        for name in FETCHED.get(tag, []):
            for value in (attrs.get(name) or "").split(","):
                if value.strip():
                    self.addresses.append(value.split()[0])


def scan(html):
    parser = Resources()
    parser.feed(html)
    return parser


def same_host(url):
    parts = urlsplit(url)
    if not parts.scheme and not parts.netloc:
        return True  # relative: this host
    return url.startswith(settings.SITE_URL + "/")


@pytest.fixture
def pages(client, db):
    site = build_site(client)
    return {url: client.get(url) for url in site.html_urls}


def test_public_pages_fetch_nothing_from_other_hosts(pages):
    elsewhere = {}
    for url, response in pages.items():
        assert response.status_code < 500, url
        if found := [a for a in scan(response.text).addresses if not same_host(a)]:
            elsewhere[url] = found
    assert elsewhere == {}
    post_page = next(r.text for url, r in pages.items() if "hostile-post" in url)
    assert 'href="https://elsewhere.example/"' in post_page  # plain links out are fine
    assert "An image from elsewhere" in post_page  # the image's description stays


def test_feeds_make_readers_fetch_nothing_from_other_hosts(client, db):
    """Feed readers show our HTML without our policy: what they fetch must be ours too."""
    site = build_site(client)
    elsewhere = {}
    for url in site.feed_urls:
        if url.endswith(".xml") or "feed" not in url:
            continue
        for element in ElementTree.fromstring(client.get(url).content).iter():
            addresses = [element.get("url", "")] if element.tag == "enclosure" else []
            if element.tag in HTML_ELEMENTS:
                addresses += scan(element.text or "").addresses
            if found := [a for a in addresses if not same_host(a)]:
                elsewhere.setdefault(url, []).extend(found)
    assert elsewhere == {}


def test_public_pages_need_no_inline_styles_or_scripts(pages):
    inline = {}
    for url, response in pages.items():
        if found := scan(response.text).inline:
            inline[url] = found
    assert inline == {}


def public_templates():
    """Every template outside the admin, except the standalone base of the 500/503 pages."""
    folders = [settings.BASE_DIR / "templates"]
    folders += [settings.BASE_DIR / app / "templates" for app in APPS]
    for folder in folders:
        for path in folder.rglob("*.html"):
            relative = path.relative_to(folder)
            # admin/... and <app>/admin/...: the admin's policy allows inline code.
            # errors/standalone.html, the base of 500.html and 503.html, stands alone (its own
            # CSS: no static file may be needed).
            if "admin" not in relative.parts[:2] and relative.name != "standalone.html":
                yield path


APPS = ["blog", "comments", "campaigns", "wordpress"]
INLINE = re.compile(r"\sstyle=|<style|<script(?![^>]*\ssrc=)|\son[a-z]+=", re.I)


def test_no_public_template_has_inline_styles_scripts_or_handlers():
    """Also the pages the crawl above does not reach (closed comments, expired links, ...)."""
    found = {
        str(path.relative_to(settings.BASE_DIR)): INLINE.findall(path.read_text())
        for path in public_templates()
    }
    assert {name: hits for name, hits in found.items() if hits} == {}
    assert len(found) > 40
