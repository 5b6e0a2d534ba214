import io

import pytest
from django.core.management import call_command

from blog.models import Post
from campaigns.models import Campaign, CampaignDocument
from campaigns.validators import validate_pdf
from pages.models import Page

pytestmark = pytest.mark.django_db


def test_demo_loads_both_campaigns_with_documents_and_is_idempotent(client):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    assert Campaign.objects.filter(language="en").count() == 2
    peace = Campaign.objects.get(slug="drug-user-peace-initiative")
    union = Campaign.objects.get(slug="harm-reduction-workers-union")
    assert peace.is_accepting_signups and union.is_accepting_signups
    assert list(peace.documents.values_list("title", flat=True)) == [
        "Foreword",
        "Executive Summary",
        "Human Rights Violations of People who Use Drugs",
        "Stigmatising People who Use Drugs",
        "A War on the Health of People who Use Drugs",
        "A War on Women who Use Drugs",
    ]
    assert CampaignDocument.objects.filter(language="en").count() == 6
    for document in peace.documents.all():
        validate_pdf(document.file)
        assert document.file_size == document.file.size
    assert Post.objects.get(slug="drug-user-peace-initiative-launched").campaign == peace
    assert (
        Post.objects.get(slug="harm-reduction-workers-union-takes-off-in-toronto").campaign == union
    )
    assert peace.hero_renditions
    page = client.get(peace.get_absolute_url())
    assert page.status_code == 200
    assert "Drug User Peace Initiative launched" in page.text
    assert "Robert Carr" in page.text
    launch = Post.objects.get(slug="drug-user-peace-initiative-launched")
    assert "Campaign: Drug User Peace Initiative" in client.get(launch.get_absolute_url()).text


def test_demo_has_the_launch_post_the_campaign_and_its_foreword_in_every_language(client):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    peace = Campaign.objects.get(slug="drug-user-peace-initiative")
    launch = Post.objects.get(slug="drug-user-peace-initiative-launched")
    for code, word in (("ru", "Предисловие"), ("es", "Prólogo"), ("fr", "Avant-propos")):
        campaign = Campaign.objects.get(translation_of=peace, language=code)
        post = Post.objects.get(translation_of=launch, language=code)
        assert post.campaign == campaign
        foreword = campaign.documents.get(slug="foreword")
        assert foreword.title == word and foreword.translation_of.campaign == peace
        validate_pdf(foreword.file)
        for url in (campaign.get_absolute_url(), post.get_absolute_url(), f"/{code}/"):
            page = client.get(url)
            assert page.status_code == 200, url
            assert f'<html lang="{code}"' in page.text
        assert word in client.get(foreword.get_absolute_url()).text
        english = client.get(peace.get_absolute_url()).text
        assert (
            f'hreflang="{code}" href="http://127.0.0.1:8000{campaign.get_absolute_url()}"'
            in english
        )
    assert Campaign.objects.count() == 2 + 3
    for code, title in (("ru", "О нас"), ("es", "Quiénes somos"), ("fr", "Qui sommes-nous")):
        page = Page.objects.get(translation_of__path="about-us", language=code)
        html = client.get(page.get_absolute_url()).text
        assert f"<h1>{title}</h1>" in html and f'<html lang="{code}"' in html
