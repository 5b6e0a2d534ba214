"""The home page stays light: HTML + CSS + JS at most 60 KB uncompressed, images aside."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.blog.factories import make_author, make_category, make_post
from tests.comments.factories import add_comments
from tests.core.factories import image_file

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 60 * 1024

BODY = "".join(
    f"<h2>Part {i}</h2><p>{'Peer-led harm reduction saves lives and protects rights. ' * 12}</p>"
    for i in range(6)
)


# Russian text takes two bytes a letter: the heaviest home page.
TITLES = {
    "en": "The Global State of Harm Reduction, part {i}: we must not be left behind",
    "ru": "Глобальное состояние снижения вреда, часть {i}: нас не должны оставить позади",
    "es": "El estado mundial de la reducción de daños, parte {i}: no nos pueden dejar atrás",
    "fr": "L’état mondial de la réduction des risques, partie {i} : ne pas être oubliés",
}


@pytest.fixture(params=list(TITLES))
def full_home_page(request):
    """Ten realistic posts in one language: long bodies, 3 categories in a tree, 4 tags,
    comments, images. Returns the language's home page address."""
    code = request.param
    regional = make_category(name="Regional Information", slug="regional-information")
    europe = make_category(name="Europe", slug="europe", parent=regional)
    categories = [
        regional,
        europe,
        make_category(name="Eastern European Countries", slug="eastern", parent=europe),
        *(make_category(name=f"Topic number {i}") for i in range(10)),
    ]
    author = make_author(display_name="INPUD Secretariat", slug="inpud-secretariat")
    for i in range(10):
        post = make_post(
            title=TITLES[code].format(i=i),
            language=code,
            author=author,
            body=BODY if i % 2 else BODY.replace("</p><h2>Part 1", "</p><!--more--><h2>Part 1"),
            categories=categories[i % 5 : i % 5 + 3],
            tags=[f"harm reduction {i}", "naloxone", "needle and syringe programmes", "funding"],
            featured_image_alt="Cover-style artwork for the report",
        )
        if i % 3 == 0:
            post.featured_image.save(f"cover{i}.jpg", image_file())
        add_comments(post, i % 4)
    return "/" if code == "en" else f"/{code}/"


def test_home_page_html_and_css_fit_in_60_kb(client, full_home_page):
    response = client.get(full_home_page)
    html = response.content
    assert html.count(b'<article class="post-card') == 10
    stylesheets = re.findall(rb'<link rel="stylesheet" href="/static/([^"]+)"', html)
    scripts = re.findall(rb'<script[^>]+src="/static/([^"]+)"', html)
    assert stylesheets
    assets = sum(Path(finders.find(path.decode())).stat().st_size for path in stylesheets + scripts)
    total = len(html) + assets
    print(f"home {full_home_page}: HTML {len(html)} B + CSS/JS {assets} B = {total} B")
    assert total <= BUDGET_BYTES
