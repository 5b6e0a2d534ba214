import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from campaigns.models import Campaign, CampaignDocument, Supporter
from tests.blog.factories import make_post, make_user
from tests.campaigns.factories import make_campaign, make_document, make_supporter, pdf_upload

pytestmark = pytest.mark.django_db
Kind = CampaignDocument.Kind


def test_list_shows_open_campaigns_before_closed_and_hides_drafts(client):
    make_campaign(title="Old closed", status=Campaign.Status.CLOSED)
    make_campaign(title="Past its close date", closes_at=timezone.now() - timedelta(days=1))
    make_campaign(title="Open now")
    make_campaign(title="Secret draft", status=Campaign.Status.DRAFT)
    html = client.get(reverse("campaigns:campaign-list")).text
    assert "Secret draft" not in html
    assert html.index("Open now") < html.index("Old closed")
    assert html.index("Open now") < html.index("Past its close date")


def test_list_bad_page_is_404(client):
    assert client.get("/campaigns/?page=9").status_code == 404


def test_draft_campaign_is_404_for_public_and_visible_to_staff(client):
    campaign = make_campaign(status=Campaign.Status.DRAFT, title="Coming soon")
    assert client.get(campaign.get_absolute_url()).status_code == 404
    staff = make_user(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="change_campaign"))
    client.force_login(staff)
    response = client.get(campaign.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: this campaign is a draft" in response.text


def test_unknown_campaign_is_404(client):
    assert client.get("/campaigns/no-such-thing/").status_code == 404


def test_documents_are_listed_foreword_then_summary_then_papers_in_order(client):
    campaign = make_campaign()
    make_document(campaign, title="Paper two", kind=Kind.PAPER, order=2)
    make_document(campaign, title="Exec summary", kind=Kind.EXECUTIVE_SUMMARY)
    make_document(campaign, title="Paper one", kind=Kind.PAPER, order=1)
    make_document(campaign, title="The foreword", kind=Kind.FOREWORD)
    html = client.get(campaign.get_absolute_url()).text
    positions = [html.index(t) for t in ("The foreword", "Exec summary", "Paper one", "Paper two")]
    assert positions == sorted(positions)


def test_documents_with_a_future_publish_date_are_hidden(client):
    campaign = make_campaign()
    later = make_document(
        campaign, title="Not yet out", published_on=timezone.localdate() + timedelta(days=3)
    )
    assert "Not yet out" not in client.get(campaign.get_absolute_url()).text
    assert client.get(later.get_absolute_url()).status_code == 404


def test_only_confirmed_supporters_are_counted(client):
    campaign = make_campaign()
    for _ in range(3):
        make_supporter(campaign)
    make_supporter(campaign, status=Supporter.Status.PENDING)
    html = client.get(campaign.get_absolute_url()).text
    assert "<strong>3</strong> confirmed supporters" in html


def test_goal_shows_an_accessible_progress_bar(client):
    campaign = make_campaign(signup_goal=8)
    make_supporter(campaign)
    make_supporter(campaign)
    html = client.get(campaign.get_absolute_url()).text
    assert (
        '<progress id="campaign-progress" max="8" value="2">2 of 8 supporters (25%)</progress>'
        in html
    )
    label = r'<label class="tally-goal" for="campaign-progress">[^<]*goal of 8 supporters: 25%'
    assert re.search(label, html)


def test_no_progress_bar_without_goal(client):
    campaign = make_campaign()
    assert "<progress" not in client.get(campaign.get_absolute_url()).text


def test_public_names_only_for_opt_in_confirmed_newest_first_without_emails(client):
    campaign = make_campaign()
    now = timezone.now()
    make_supporter(
        campaign,
        name="Older Listed",
        country="BR",
        show_name=True,
        confirmed_at=now - timedelta(days=2),
        email="older@example.org",
    )
    make_supporter(campaign, name="Newer Listed", country="KE", show_name=True, confirmed_at=now)
    make_supporter(campaign, name="Private Person", show_name=False)
    make_supporter(campaign, name="Pending Person", show_name=True, status=Supporter.Status.PENDING)
    html = client.get(campaign.get_absolute_url()).text
    assert "Newer Listed, Kenya" in html
    assert "Older Listed, Brazil" in html
    assert html.index("Newer Listed") < html.index("Older Listed")
    assert "Private Person" not in html
    assert "Pending Person" not in html
    assert "@example.org" not in html


def test_names_are_not_listed_when_the_campaign_does_not_list_them(client):
    campaign = make_campaign(list_supporter_names=False)
    make_supporter(campaign, name="Would Be Shown", show_name=True)
    response = client.get(campaign.get_absolute_url())
    assert "Would Be Shown" not in response.text
    assert 'name="show_name"' not in response.text


def test_names_are_paginated_and_a_bad_page_is_404(client, settings):
    settings.CAMPAIGNS_SUPPORTERS_PER_PAGE = 2
    campaign = make_campaign()
    now = timezone.now()
    for i in range(5):
        make_supporter(
            campaign, name=f"Listed {i}", show_name=True, confirmed_at=now - timedelta(hours=i)
        )
    url = campaign.get_absolute_url()
    first = client.get(url).text
    assert "Listed 0" in first and "Listed 2" not in first
    assert "Page 1 of 3" in first
    third = client.get(url + "?page=3").text
    assert "Listed 4" in third and "Listed 0" not in third
    assert client.get(url + "?page=4").status_code == 404
    assert client.get(url + "?page=abc").status_code == 404


def test_countries_with_fewer_than_five_supporters_are_folded(client):
    campaign = make_campaign()
    for _ in range(5):
        make_supporter(campaign, country="MX")
    for _ in range(4):
        make_supporter(campaign, country="NO")
    make_supporter(campaign, country="NZ")
    make_supporter(campaign, country="NO", status=Supporter.Status.PENDING)
    html = client.get(campaign.get_absolute_url()).text
    table = re.search(r'<table class="country-counts[^"]*">.*?</table>', html, re.S).group(0)
    assert "<tr><td>Mexico</td><td>5</td></tr>" in table
    assert "<tr><td>Other countries</td><td>5</td></tr>" in table
    assert "Norway" not in table
    assert "New Zealand" not in table


def test_related_posts_are_listed_and_drafts_are_not(client):
    campaign = make_campaign()
    make_post(title="Launch news", campaign=campaign)
    make_post(title="Draft news", campaign=campaign, status=Post.Status.DRAFT)
    make_post(title="Unrelated news")
    html = client.get(campaign.get_absolute_url()).text
    assert "Launch news" in html
    assert "Draft news" not in html
    assert "Unrelated news" not in html


def test_post_page_shows_the_campaign_box(client):
    campaign = make_campaign(title="Peace now", summary="Make peace with people who use drugs.")
    post = make_post(campaign=campaign)
    html = client.get(post.get_absolute_url()).text
    assert "Campaign: Peace now" in html
    assert f'href="{campaign.get_absolute_url()}"' in html
    assert "sign up in support" in html


def test_post_page_hides_the_box_of_a_draft_campaign(client):
    campaign = make_campaign(title="Hidden plan", status=Campaign.Status.DRAFT)
    post = make_post(campaign=campaign)
    assert "Hidden plan" not in client.get(post.get_absolute_url()).text


def test_post_listing_loads_the_campaign_without_extra_queries(django_assert_num_queries):
    campaign = make_campaign()
    make_post(campaign=campaign)
    post = Post.objects.for_listing().get()
    with django_assert_num_queries(0):
        assert post.campaign.title == campaign.title


def test_open_campaign_shows_the_sign_up_form_with_unticked_consent(client):
    campaign = make_campaign(call_to_action="Add your name now.")
    html = client.get(campaign.get_absolute_url()).text
    assert "Add your name now." in html
    assert f'action="/campaigns/{campaign.slug}/sign-up/#sign-up"' in html
    assert "csrfmiddlewaretoken" not in html
    for name in ("show_name", "wants_updates"):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert "checked" not in tag
    assert '<label for="id_email">' in html


def test_closed_campaign_says_so_and_has_no_form(client):
    campaign = make_campaign(status=Campaign.Status.CLOSED)
    html = client.get(campaign.get_absolute_url()).text
    assert "no longer takes sign-ups" in html
    assert "/sign-up/" not in html  # no sign-up form


def test_campaign_that_opens_later_says_when(client):
    campaign = make_campaign(opens_at=timezone.now() + timedelta(days=10))
    html = client.get(campaign.get_absolute_url()).text
    assert "Sign-ups open on" in html
    assert "/sign-up/" not in html  # no sign-up form


def test_campaign_page_loads_nothing_from_other_hosts(client):
    campaign = make_campaign()
    make_supporter(campaign, show_name=True)
    html = client.get(campaign.get_absolute_url()).text
    assert "<script" not in html
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        if "stylesheet" in url or url.startswith(settings.SITE_URL + "/"):
            continue  # the page's versions in other languages (hreflang) are absolute
        assert not url.startswith(("http:", "https:", "//")), url


def test_campaign_page_queries_stay_constant_with_10000_supporters(
    client, django_assert_max_num_queries
):
    campaign = make_campaign(signup_goal=20000)
    for _ in range(3):
        make_document(campaign)
    make_post(campaign=campaign)
    now = timezone.now()
    countries = ["GB", "FR", "KE", "BR", "IN", "UA", "TH", "ZA"]
    Supporter.objects.bulk_create(
        Supporter(
            campaign=campaign,
            name=f"Person {i}",
            email=f"person{i}@example.org",
            country=countries[i % len(countries)] if i % 97 else "NZ",
            show_name=i % 3 == 0,
            status=Supporter.Status.CONFIRMED,
            confirmed_at=now - timedelta(seconds=i),
        )
        for i in range(10_000)
    )
    # campaign, cache generations, documents, count, countries, names count, names page,
    # posts, and cold the menus and the site text
    with django_assert_max_num_queries(10):
        response = client.get(campaign.get_absolute_url() + "?page=20")
    assert response.status_code == 200
    assert "<strong>10,000</strong> confirmed supporters" in response.text
    # The cache generations, the count of campaigns, the page of them with their counts
    # (the menus and site text are kept from the page before).
    with django_assert_max_num_queries(3):
        assert client.get(reverse("campaigns:campaign-list")).status_code == 200


def test_document_page_has_download_with_format_and_size_and_neighbours(client):
    campaign = make_campaign()
    first = make_document(campaign, title="Foreword", kind=Kind.FOREWORD)
    middle = make_document(campaign, title="Middle paper", order=1, file=pdf_upload())
    last = make_document(campaign, title="Last paper", order=2)
    html = client.get(middle.get_absolute_url()).text
    assert middle.file_size > 500
    assert f'href="{middle.file.url}"' in html
    assert f"(PDF, {middle.file_size}\xa0bytes)" in html
    assert re.search(r'Previous document</span> <a href="[^"]+" rel="prev">Foreword</a>', html)
    assert re.search(r'Next document</span> <a href="[^"]+" rel="next">Last paper</a>', html)
    first_html = client.get(first.get_absolute_url()).text
    assert 'rel="prev"' not in first_html
    assert 'rel="prev"' in client.get(last.get_absolute_url()).text


def test_document_page_of_a_draft_campaign_is_404(client):
    campaign = make_campaign(status=Campaign.Status.DRAFT)
    document = make_document(campaign)
    assert client.get(document.get_absolute_url()).status_code == 404
    assert client.get(f"/campaigns/{campaign.slug}/no-such-doc/").status_code == 404


def test_document_page_queries_are_constant(client, django_assert_max_num_queries):
    campaign = make_campaign()
    docs = [make_document(campaign, order=i) for i in range(30)]
    # + cold, the menus and the site text, and the cache generations they are kept under
    with django_assert_max_num_queries(6):
        assert client.get(docs[15].get_absolute_url()).status_code == 200
    # Warm, a reader's document page is kept whole: only the cache generations are read.
    with django_assert_max_num_queries(1):
        assert client.get(docs[15].get_absolute_url()).status_code == 200


def test_document_page_shows_an_edit_or_unpublishing_on_the_next_request(client):
    campaign = make_campaign()
    document = make_document(campaign, title="First title")
    assert "First title" in client.get(document.get_absolute_url()).text
    document.title = "Second title"
    document.save()
    html = client.get(document.get_absolute_url()).text
    assert "Second title" in html and "First title" not in html
    document.published_on = timezone.localdate() + timedelta(days=7)  # taken back
    document.save()
    assert client.get(document.get_absolute_url()).status_code == 404
    campaign.status = Campaign.Status.DRAFT
    campaign.save()
    assert client.get(f"/campaigns/{campaign.slug}/no-such-doc/").status_code == 404


def test_staff_who_edit_campaigns_see_coming_documents_never_from_the_readers_copy(client):
    campaign = make_campaign()
    make_document(campaign, title="Public paper")
    draft = make_document(
        campaign, title="Draft paper", published_on=timezone.localdate() + timedelta(days=7)
    )
    assert client.get(draft.get_absolute_url()).status_code == 404
    staff = make_user(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="change_campaign"))
    client.force_login(staff)
    assert "Draft paper" in client.get(draft.get_absolute_url()).text
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
