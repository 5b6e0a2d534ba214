"""One stylesheet for the whole public site, no inline styles, readable colours."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.inpud import html_audit
from tests.inpud.conftest import public_urls

SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"
APPS = ("blog", "comments", "campaigns")
TEMPLATE_ROOTS = [Path(settings.BASE_DIR) / d for d in ("templates", *APPS)]
# errors/standalone.html, the base of 500.html and 503.html: standalone on purpose (no static
# files when the server is failing) and staff-only pages,
# whose policy allows inline styles (the admin's editor needs them).
INLINE_STYLE_ALLOWED = {"standalone.html"}


def public_templates():
    for root in TEMPLATE_ROOTS:
        for path in root.rglob("*.html"):
            if "admin" in path.parts or path.name in INLINE_STYLE_ALLOWED:
                continue
            yield path


@pytest.mark.django_db
def test_every_public_page_loads_only_site_css_from_its_head(client, site):
    for name, (url, _) in public_urls(site).items():
        page = html_audit.read(client.get(url).content.decode())
        sheets = [e for e in page.find("link") if e.attrs.get("rel") == "stylesheet"]
        assert [e.attrs["href"] for e in sheets] == ["/static/css/site.css"], name
        assert all(e.in_head for e in sheets), name


@pytest.mark.django_db
def test_no_public_page_carries_inline_styles(client, site):
    """The Content-Security-Policy (style-src 'self') would block them."""
    for name, (url, _) in public_urls(site).items():
        page = html_audit.read(client.get(url).content.decode())
        assert not page.find("style"), name
        assert not [e.tag for e in page.elements if "style" in e.attrs], name


def test_no_public_template_has_a_style_attribute_or_element():
    offenders = [
        str(path)
        for path in public_templates()
        if re.search(r"<style\b|\sstyle=", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_apps_ship_no_stylesheets_of_their_own():
    """Comments and campaigns are styled by site.css: one cached request, one look."""
    app_css = [str(p) for app in APPS for p in (Path(settings.BASE_DIR) / app).rglob("*.css")]
    assert app_css == []


# Text and background pairs as site.css uses them (custom property names).
TEXT_PAIRS = [
    ("ink", "paper"),
    ("ink", "card"),
    ("ink", "soft"),
    ("ink", "cream"),
    ("muted", "paper"),
    ("muted", "card"),
    ("muted", "soft"),
    ("muted", "cream"),
    ("plum", "paper"),
    ("plum", "card"),
    ("plum", "soft"),
    ("plum", "cream"),
    ("plum-dark", "paper"),
    ("plum-dark", "card"),
    ("error", "paper"),
    ("error", "card"),
    ("error", "soft"),
    ("success", "paper"),
    ("success", "success-bg"),
    ("ink", "success-bg"),
    ("white", "plum"),
    ("white", "plum-dark"),
    ("white", "plum-deep"),
    ("tagline", "plum"),
    ("amber-light", "plum"),
    ("amber-light", "plum-dark"),
    ("amber-light", "plum-deep"),
    ("footer-text", "plum-deep"),
    ("plum-deep", "amber"),
    ("plum-deep", "amber-light"),
    ("ink", "focus"),
    ("ink", "highlight"),
]


def _luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def palette():
    root = re.search(r":root\{(.*?)\}", SITE_CSS.read_text(encoding="utf-8"), re.S)[1]
    colours = {"white": "#ffffff"}
    for name, value in re.findall(r"--([\w-]+):#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b", root):
        colours[name] = "#" + (value if len(value) == 6 else "".join(c * 2 for c in value))
    return colours


def test_contrast_helper_matches_known_values():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54


def test_every_text_colour_pair_in_the_palette_meets_wcag_aa():
    colours = palette()
    low = {
        f"{fg} on {bg}": round(contrast(colours[fg], colours[bg]), 2)
        for fg, bg in TEXT_PAIRS
        if contrast(colours[fg], colours[bg]) < 4.5
    }
    assert low == {}


def test_site_css_uses_only_custom_properties_it_defines():
    """Every var() used in site.css is defined, so no rule falls back to an unstyled default."""
    css = SITE_CSS.read_text(encoding="utf-8")
    defined = set(re.findall(r"--([\w-]+):", css))
    used = set(re.findall(r"var\(--([\w-]+)", css))
    assert used - defined == set()
