"""Every public page type in every language, with content shaped like the WordPress import:
0 errors in the Nu HTML checker, 0 axe-core violations of any impact in Chromium."""

import pytest

from tests.inpud.checkers import AXE, nu_errors, require, translate_site, urls_in_every_language

pytestmark = pytest.mark.django_db

AXE_RUN = """() => axe.run(document, {resultTypes: ["violations"]}).then(result =>
    result.violations.map(v => [v.id, v.impact, v.nodes.map(node => node.target.join(" "))]))"""


def test_every_page_in_every_language_is_valid_html(client, site):
    translate_site(site)
    pages = {}
    for (code, name), (url, status) in urls_in_every_language(site).items():
        response = client.get(url)
        assert response.status_code == status, (code, name, url)
        pages[f"{code} {name} {url}"] = response.content.decode()
    assert nu_errors(pages) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_page_in_every_language_has_no_axe_violation(site, browser_page):
    translate_site(site)
    axe = require(AXE, "axe-core").read_text()
    violations = []
    for (code, name), (url, _status) in urls_in_every_language(site).items():
        browser_page.goto(url)
        # Evaluated through the DevTools protocol: the page's CSP (script-src 'self') allows it.
        browser_page.evaluate(axe + "\n;0")
        found = browser_page.evaluate(AXE_RUN)
        violations += [(code, name, *v) for v in found]
    assert violations == []
