"""Friendly 400/403/404/429/500 pages."""

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

pytestmark = pytest.mark.django_db


def template_names(response):
    return [template.name for template in response.templates]


def test_unknown_address_gets_the_friendly_404_page(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "404.html" in template_names(response)
    assert "<h1>Page not found</h1>" in response.text
    assert 'action="/search/"' in response.text
    assert '<a class="skip-link" href="#main">' in response.text


def test_invalid_host_header_gets_the_friendly_400_page(client, settings):
    settings.DEBUG = False
    response = client.get("/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert "400.html" in template_names(response)
    assert "<h1>Bad request</h1>" in response.text
    assert "attacker.example" not in response.text


@pytest.mark.urls("tests.blog.urls_errors")
def test_permission_denied_gets_the_friendly_403_page(client):
    response = client.get("/test-403/")
    assert response.status_code == 403
    assert "<h1>Not allowed</h1>" in response.text


def test_failed_csrf_check_explains_what_to_do(db):
    response = Client(enforce_csrf_checks=True).post("/", {"anything": "x"})
    assert response.status_code == 403
    assert "Please send the form again" in response.text
    assert '<a class="skip-link"' in response.text


def test_429_page_extends_the_site_layout():
    request = RequestFactory().get("/comments/")
    html = render_to_string("429.html", request=request)
    assert "<h1>Too many requests</h1>" in html
    assert '<a class="skip-link" href="#main">' in html


@pytest.mark.urls("tests.blog.urls_errors")
def test_server_error_gets_the_standalone_500_page(client):
    client.raise_request_exception = False
    response = client.get("/test-500/")
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.text
    assert "a bug" not in response.text
    assert "<link" not in response.text  # standalone: no stylesheet that could fail too
