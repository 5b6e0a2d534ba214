import hashlib

import pytest
from django.test import override_settings
from django.urls import reverse

from campaigns import consent
from campaigns.models import Supporter
from tests.blog.factories import make_user
from tests.campaigns.factories import make_campaign, make_supporter, signup_data

pytestmark = pytest.mark.django_db

# The published wordings. Editing one would change what people already agreed to: add a
# new version instead (and its line here).
PUBLISHED = {
    "2026-12": "73e46321c1f594cb874b3ef88f023b05",
}


def _digest(version):
    text = "\n".join(str(t) for t in consent.WORDINGS[version].values())
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def test_published_wordings_are_never_edited():
    assert {v: _digest(v) for v in PUBLISHED} == PUBLISHED
    assert consent.CURRENT in PUBLISHED


def test_a_sign_up_stores_the_wording_version_and_the_pages_language(client):
    campaign = make_campaign()
    response = client.post(
        reverse("campaigns:signup", kwargs={"slug": campaign.slug}),
        signup_data(wants_updates="on"),
    )
    assert response.status_code == 302
    supporter = Supporter.objects.get()
    assert (supporter.consent_version, supporter.language) == (consent.CURRENT, "en")


def test_the_form_shows_the_current_wording(client):
    campaign = make_campaign()
    page = client.get(campaign.get_absolute_url()).content.decode()
    for text in consent.WORDINGS[consent.CURRENT].values():
        assert str(text) in page


@override_settings(LANGUAGES=[("en", "English"), ("ru", "Russian")])
def test_staff_see_what_a_supporter_agreed_to(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    supporter = make_supporter(make_campaign(), consent_version=consent.CURRENT, language="ru")
    page = client.get(reverse("admin:campaigns_supporter_change", args=[supporter.pk]))
    text = page.content.decode()
    assert "Send me occasional updates about this campaign by email" in text
    assert "Russian" in text
