import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from campaigns.models import Campaign, Supporter
from campaigns.validators import validate_pdf
from demo.blog import demo_image_bytes
from tests.campaigns.factories import make_campaign, make_supporter, pdf_upload

pytestmark = pytest.mark.django_db


def _jpeg(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#6b1d5e").save(buffer, "JPEG")
    return ContentFile(buffer.getvalue())


def test_hero_image_gets_webp_and_jpeg_renditions_at_three_widths(client):
    campaign = make_campaign()
    campaign.hero_image.save("hero.jpg", ContentFile(demo_image_bytes("Hero")), save=False)
    campaign.hero_image_alt = "Artwork"
    campaign.save()
    campaign.refresh_from_db()
    found = {(r["format"], r["width"], r["height"]) for r in campaign.hero_renditions}
    assert found == {
        (fmt, w, h) for fmt in ("webp", "jpeg") for w, h in ((480, 270), (960, 540), (1600, 900))
    }
    storage = campaign.hero_image.storage
    for item in campaign.hero_renditions:
        with storage.open(item["name"]) as f, Image.open(f) as image:
            assert image.size == (item["width"], item["height"])
            assert image.format == item["format"].upper()
    html = client.get(campaign.get_absolute_url()).text
    assert '<source type="image/webp" srcset="/media/campaigns/' in html
    assert 'alt="Artwork"' in html
    assert 'width="960" height="540"' in html


def test_small_hero_is_not_upscaled_and_replacing_it_removes_old_renditions():
    campaign = make_campaign()
    campaign.hero_image.save("big.jpg", _jpeg(1000, 500), save=False)
    campaign.save()
    old = [r["name"] for r in campaign.hero_renditions]
    storage = campaign.hero_image.storage
    campaign = Campaign.objects.get(pk=campaign.pk)
    campaign.hero_image.save("small.jpg", _jpeg(300, 200), save=False)
    campaign.save()
    assert {r["width"] for r in campaign.hero_renditions} == {300}
    assert not any(storage.exists(name) for name in old)


def test_saving_without_touching_the_image_does_not_redo_renditions():
    campaign = make_campaign()
    campaign.hero_image.save("hero.jpg", _jpeg(800, 400), save=False)
    campaign.save()
    before = Campaign.objects.get(pk=campaign.pk).hero_renditions
    again = Campaign.objects.get(pk=campaign.pk)
    again.title = "Renamed"
    again.save()
    assert Campaign.objects.get(pk=campaign.pk).hero_renditions == before
    deferred = Campaign.objects.only("title").get(pk=campaign.pk)
    deferred.title = "Renamed again"
    deferred.save()
    assert Campaign.objects.get(pk=campaign.pk).hero_renditions == before


def test_campaign_body_is_sanitised_on_save():
    campaign = make_campaign(body='<p onclick="x()">Hi<script>alert(1)</script></p>')
    assert campaign.body == "<p>Hi</p>"


def test_sign_ups_must_close_after_they_open():
    now = timezone.now()
    campaign = Campaign(
        title="t", slug="t", summary="s", opens_at=now, closes_at=now - timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="Sign-ups must close after they open"):
        campaign.full_clean()


@pytest.mark.parametrize(
    ("fields", "state"),
    [
        ({"status": "draft"}, "draft"),
        ({"status": "open"}, "open"),
        ({"status": "closed"}, "closed"),
        ({"status": "open", "closes_at": -1}, "closed"),
        ({"status": "open", "opens_at": 1}, "not-yet"),
        ({"status": "open", "opens_at": -2, "closes_at": 1}, "open"),
    ],
)
def test_signup_state(fields, state):
    now = timezone.now()
    for key in ("opens_at", "closes_at"):
        if key in fields:
            fields[key] = now + timedelta(days=fields[key])
    assert Campaign(**fields).signup_state == state


def test_pdf_validator_accepts_a_real_pdf_regardless_of_name():
    validate_pdf(pdf_upload("whatever.txt"))


def test_purge_deletes_only_old_unconfirmed_sign_ups():
    campaign = make_campaign()
    old = timezone.now() - timedelta(days=31)
    make_supporter(campaign, name="Old pending", status=Supporter.Status.PENDING, created_at=old)
    make_supporter(campaign, name="New pending", status=Supporter.Status.PENDING)
    make_supporter(campaign, name="Old confirmed", created_at=old)
    out = io.StringIO()
    call_command("purge_pending_supporters", stdout=out)
    assert "Deleted 1 " in out.getvalue()
    assert set(Supporter.objects.values_list("name", flat=True)) == {"New pending", "Old confirmed"}
