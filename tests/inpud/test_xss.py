"""Hostile text in every field is shown escaped on every page, feed and admin list."""

import pytest
from defusedxml import ElementTree

from blog.models import Post
from campaigns.models import Campaign, CampaignDocument
from tests.inpud.site import HOSTILE, SCRIPT, build_site

# What hostile text looks like when it was NOT escaped (escaped, each becomes harmless text).
RAW_MARKUP = [SCRIPT, "<img src=x", '" onmouseover="', "javascript:", "onclick=", "<p style="]
# Feed elements whose text a feed reader renders as HTML.
HTML_ELEMENTS = {
    "description",
    "{http://purl.org/rss/1.0/modules/content/}encoded",
    "{http://www.w3.org/2005/Atom}summary",
    "{http://www.w3.org/2005/Atom}content",
}


def unescaped(text):
    return [marker for marker in RAW_MARKUP if marker in text]


@pytest.mark.django_db
def test_hostile_text_is_escaped_on_every_public_page(client):
    site = build_site(client)
    found = {}
    for url in site.html_urls:
        response = client.get(url)
        assert response.status_code < 500, url
        if hits := unescaped(response.content.decode()):
            found[url] = hits
    assert found == {}
    page = client.get(site.post.get_absolute_url()).content.decode()
    assert 'content="Title Hostile &lt;script&gt;alert(&quot;xss&quot;)' in page  # OpenGraph


@pytest.mark.django_db
def test_feeds_carry_hostile_text_only_as_text(client):
    site = build_site(client)
    found = {}
    for url in site.feed_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<script" not in response.content.decode(), url
        if url.endswith(".txt"):
            continue
        for element in ElementTree.fromstring(response.content).iter():
            if element.tag in HTML_ELEMENTS and (hits := unescaped(element.text or "")):
                found.setdefault(url, []).append((element.tag, hits))
    assert found == {}


@pytest.mark.django_db
def test_rich_text_is_sanitised_when_saved(client):
    site = build_site(client)
    for body in (
        Post.objects.get(pk=site.post.pk).body,
        Campaign.objects.get(pk=site.campaign.pk).body,
        CampaignDocument.objects.get(pk=site.document.pk).body,
    ):
        assert unescaped(body) == [] and "<script" not in body and "style=" not in body


@pytest.mark.django_db
def test_hostile_text_is_escaped_in_the_admin(client, admin_client):
    build_site(client)
    pages = [
        "/admin/blog/post/",
        "/admin/blog/category/",
        "/admin/blog/author/",
        "/admin/taggit/tag/",
        "/admin/comments/comment/?status__exact=approved",
        "/admin/campaigns/campaign/",
        "/admin/campaigns/supporter/",
    ]
    found = {}
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Hostile" in html, url
        if hits := [m for m in (SCRIPT, "<img src=x", '" onmouseover="') if m in html]:
            found[url] = hits
    assert found == {}


@pytest.mark.django_db
def test_forms_shown_again_with_errors_escape_what_was_typed(client):
    site = build_site(client)
    typed = HOSTILE[:90]
    comment = {"name": typed, "email": f"{typed}@", "website": typed, "body": typed}
    signup = {"name": typed, "email": typed, "country": typed, "organisation": typed}
    for url, data in [
        (f"/comments/post/{site.post.pk}/", {**comment, "parent": typed, "leave_empty": ""}),
        (f"/campaigns/{site.campaign.slug}/sign-up/", {**signup, "website": ""}),
    ]:
        response = client.post(url, data)
        assert response.status_code == 400, url
        assert unescaped(response.text) == [], url
        assert "Hostile &lt;script&gt;" in response.text  # kept for the reader, as text


@pytest.mark.django_db
def test_refusal_pages_escape_titles_and_typed_text_and_show_no_private_data(client, settings):
    """429 (too many), 403 (closed) and 409 (sent twice) pages, which no crawl reaches."""
    site = build_site(client)
    settings.COMMENTS_RATE_LIMIT = settings.CAMPAIGNS_SIGNUP_RATE_LIMIT = 0
    comment = {"name": "Ana", "email": "zq-typed@private.example", "body": HOSTILE}
    signup = {"name": "Ana", "email": "zq-typed@private.example", "country": "PT"}
    pages = [
        client.post(f"/comments/post/{site.post.pk}/", comment, REMOTE_ADDR="198.51.100.9"),
        client.post(f"/campaigns/{site.campaign.slug}/sign-up/", signup),
    ]
    site.post.allow_comments = False
    site.post.save()
    site.campaign.status = "closed"
    site.campaign.save()
    pages += [
        client.post(f"/comments/post/{site.post.pk}/", comment),
        client.post(f"/campaigns/{site.campaign.slug}/sign-up/", signup),
    ]
    assert [page.status_code for page in pages] == [429, 429, 403, 403]
    for page in pages:
        assert unescaped(page.text) == []
        assert "private.example" not in page.text and "198.51.100.9" not in page.text
    assert "Hostile &lt;script&gt;" in pages[0].text  # the typed comment, kept to copy
