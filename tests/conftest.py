import os
import shutil

import pytest
from django.core.cache import caches
from django.db import connections

from core.catalogues import compile_catalogues

CHROMIUM = "/usr/bin/chromium"


def pytest_configure(config):
    """The translations, compiled as `make install` does (pytest may be run directly)."""
    compile_catalogues()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The database is rolled back after each test; the caches must not remember it."""
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes uploads to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def browser_page(live_server, monkeypatch):
    """A Playwright page in Debian's Chromium, pointed at the live test server.

    Without Chromium the test is skipped on a developer machine; CI (REQUIRE_BROWSER=1,
    set by .ci/run, which installs Chromium) fails instead, so a missing browser never
    passes quietly there.
    """
    if not shutil.which(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is required for browser tests")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # between page actions are ordinary synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        context = browser.new_context(base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        # ORM calls made while Playwright runs get their own connection (a different
        # context); close it here, inside that context, so the test database can be dropped.
        connections.close_all()
        context.close()
        browser.close()
