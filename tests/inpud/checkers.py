"""The accessibility and HTML checkers (tests/a11y/package.json, `make a11y-tools`), and a
site in four languages with content shaped like the WordPress import's.

Without the checkers installed the tests are skipped on a developer machine; CI
(REQUIRE_A11Y_TOOLS=1, set by .ci/run) fails instead.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from blog.models import Category, Post, TagTranslation
from campaigns.models import CampaignDocument
from pages.models import Page
from tests.blog.factories import make_post
from tests.campaigns.factories import make_campaign, make_document
from tests.inpud.conftest import public_urls
from tests.pages.factories import make_page

MODULES = Path(__file__).resolve().parent.parent / "a11y" / "node_modules"
AXE = MODULES / "axe-core" / "axe.min.js"
VNU = MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("en", "ru", "es", "fr")
# The `site` fixture's pages, and the paths of their translations.
PAGES = {
    "page": "about-us-{code}",
    "child-page": "about-us-{code}/our-history",
    "contact": "contact-{code}",
}

# Imported WordPress bodies: headings from <h4>, a heading before the "more" break.
WORDPRESS_BODY = (
    "<h4>{title}</h4><p>{text}</p><!--more--><h4>{title} 2</h4><p>{text}</p>"
    "<h5>{title} 3</h5><ul><li>{text}</li></ul>"
)
TEXTS = {
    "ru": ("Снижение вреда", "Равные консультанты работают в каждом регионе."),
    "es": ("Reducción de daños", "Los pares trabajan en cada región."),
    "fr": ("Réduction des risques", "Les pairs travaillent dans chaque région."),
}


def require(path, what):
    if path.exists() and (path != VNU or shutil.which("java")):
        return path
    message = f"{what} is not installed: make a11y-tools (npm ci in tests/a11y; Java for vnu)"
    if os.environ.get("REQUIRE_A11Y_TOOLS") == "1":
        pytest.fail(message)
    pytest.skip(message)


def translate_site(site):
    """The `site` fixture's post, campaign, foreword and pages in Russian, Spanish and
    French."""
    post, campaign = site["post"], site["campaign"]
    foreword = campaign.documents.get(slug="foreword")
    post.body = WORDPRESS_BODY.format(title="Peer work", text="Peers work in every region.")
    post.save()
    Category.objects.filter(slug="regional-information").update(
        translations={code: {"name": title} for code, (title, _text) in TEXTS.items()}
    )
    stigma = post.tags.get()
    for code, (title, text) in TEXTS.items():
        TagTranslation.objects.create(tag=stigma, language=code, name=f"{title} ({code})")
        make_post(
            title=title,
            slug=f"{post.slug}-{code}",
            language=code,
            translation_of=post,
            author=post.author,
            publish_at=post.publish_at,
            categories=list(post.categories.all()),
            tags=[stigma],
            body=WORDPRESS_BODY.format(title=title, text=text),
        )
        translated = make_campaign(
            title=f"{campaign.title} ({code})",
            slug=f"{campaign.slug}-{code}",
            language=code,
            translation_of=campaign,
            body=f"<h4>{title}</h4><p>{text}</p>",
            signup_goal=campaign.signup_goal,
            call_to_action=text,
        )
        about = Page.objects.get(path="about-us")
        page = make_page(
            title=title, slug=f"about-us-{code}", language=code, translation_of=about,
            body=WORDPRESS_BODY.format(title=title, text=text),
        )  # fmt: skip
        make_page(
            title=f"{title} 2", slug="our-history", parent=page, language=code,
            translation_of=Page.objects.get(path="about-us/our-history"),
        )  # fmt: skip
        make_page(
            title=f"Contact ({code})", slug=f"contact-{code}", language=code,
            translation_of=Page.objects.get(path="contact"), show_contact_form=True,
        )  # fmt: skip
        make_document(
            translated,
            title=title,
            slug="foreword",
            kind=CampaignDocument.Kind.FOREWORD,
            language=code,
            translation_of=foreword,
            body=WORDPRESS_BODY.format(title=title, text=text),
        )


def urls_in_every_language(site):
    """Every public page type in each language: {(language, name): (url, status)}."""
    english = public_urls(site)
    found = {}
    for code in LANGUAGES:
        for name, (url, status) in english.items():
            if code == "en":
                found[(code, name)] = (url, status)
                continue
            if name == "post":
                translated = Post.objects.get(translation_of=site["post"], language=code)
                found[(code, name)] = (translated.get_absolute_url(), status)
                continue
            if name in PAGES:
                translated = Page.objects.get(path=PAGES[name].format(code=code))
                found[(code, name)] = (translated.get_absolute_url(), status)
                continue
            if name in ("campaign", "document", "signup-sent", "signup-thanks"):
                slug = site["campaign"].slug
                url = url.replace(f"/{slug}/", f"/{slug}-{code}/")
            found[(code, name)] = (f"/{code}{url}", status)
    return found


def nu_errors(pages):
    """The Nu HTML checker's errors for {name: html}: [(name, message)]."""
    require(VNU, "The Nu HTML checker (vnu.jar)")
    folder = Path(tempfile.mkdtemp(prefix="inpud-nu-"))
    files = {}
    for index, (name, html) in enumerate(pages.items()):
        path = folder / f"page-{index}.html"
        path.write_text(html)
        files[str(path)] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    shutil.rmtree(folder, ignore_errors=True)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [
        (files.get(m.get("url", "").removeprefix("file:"), m.get("url")), m["message"])
        for m in messages
        if m.get("type") == "error"
    ]
