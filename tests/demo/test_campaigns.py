import io

import pytest
from django.core.management import call_command

from blog.models import Post
from campaigns.models import Campaign, CampaignDocument
from campaigns.validators import validate_pdf

pytestmark = pytest.mark.django_db


def test_demo_loads_both_campaigns_with_documents_and_is_idempotent(client):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    assert Campaign.objects.count() == 2
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
    assert CampaignDocument.objects.count() == 6
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
