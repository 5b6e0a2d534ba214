"""Emails, IP addresses, IP hashes and login names never reach a public page or feed."""

import pytest

from tests.inpud.site import build_site


@pytest.mark.django_db
def test_no_public_page_or_feed_shows_emails_ips_hashes_or_login_names(client):
    site = build_site(client)
    leaks = []
    for url in site.urls:
        response = client.get(url)
        assert response.status_code < 500, url
        if url == site.own_data_url:
            assert response["Cache-Control"] == "private, no-store"
            continue
        text = response.content.decode()
        leaks += [(url, secret) for secret in site.secrets if secret.lower() in text.lower()]
    assert leaks == []


@pytest.mark.django_db
def test_the_crawl_reaches_the_private_people_it_protects(client):
    """The pages above really show the commenter, the supporter and the author."""
    site = build_site(client)
    post_page = client.get(site.post.get_absolute_url()).content.decode()
    assert "Reader Hostile" in post_page and "Author Hostile" in post_page
    campaign_page = client.get(site.campaign.get_absolute_url()).content.decode()
    assert "Named Hostile" in campaign_page
    assert "Reader Hostile" in client.get("/comments/feed/").content.decode()
