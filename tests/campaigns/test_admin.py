import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.export import safe_cell
from campaigns.models import Campaign, CampaignDocument, Supporter
from campaigns.pdf import minimal_pdf
from tests.blog.factories import make_user
from tests.campaigns.factories import make_campaign, make_document, make_supporter, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


def _staff(*codenames):
    user = make_user(is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def _campaign_form(**documents):
    data = {
        "title": "Peace now",
        "slug": "peace-now",
        "status": "open",
        "opens_at_0": "",
        "opens_at_1": "",
        "closes_at_0": "",
        "closes_at_1": "",
        "summary": "A campaign summary.",
        "hero_image_alt": "",
        "body": "<p>Body<script>alert(1)</script></p>",
        "acknowledgements": "",
        "call_to_action": "",
        "signup_goal": "",
        "list_supporter_names": "on",
        "thank_you_text": "",
        "documents-TOTAL_FORMS": str(len(documents)),
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
    }
    for i, (slug, upload) in enumerate(documents.items()):
        data.update(
            {
                f"documents-{i}-title": slug.title(),
                f"documents-{i}-slug": slug,
                f"documents-{i}-kind": "30",
                f"documents-{i}-order": str(i + 1),
                f"documents-{i}-summary": "A summary.",
                f"documents-{i}-body": "",
                f"documents-{i}-file": upload,
                f"documents-{i}-language": "en",
                f"documents-{i}-published_on": "2015-01-17",
            }
        )
    return data


def test_admin_saves_a_campaign_with_documents_inline(admin_client):
    response = admin_client.post(
        reverse("admin:campaigns_campaign_add"),
        _campaign_form(paper=pdf_upload("paper.pdf"), other=""),
    )
    assert response.status_code == 302, response.text
    campaign = Campaign.objects.get()
    assert "<script" not in campaign.body
    document = campaign.documents.get(slug="paper")
    assert document.file_size == document.file.size > 0
    assert campaign.documents.get(slug="other").file_size is None


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("fake.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 200, "application/pdf"),
        SimpleUploadedFile("cut.pdf", minimal_pdf("Cut short")[:-40], "application/pdf"),
        SimpleUploadedFile("text.pdf", b"%PDF-1.4\nhello\n%%EOF\n", "application/pdf"),
        SimpleUploadedFile("empty.pdf", b"", "application/pdf"),
    ],
    ids=["png-named-pdf", "truncated", "no-xref", "empty"],
)
def test_admin_refuses_a_document_that_is_not_a_pdf(admin_client, upload):
    response = admin_client.post(
        reverse("admin:campaigns_campaign_add"), _campaign_form(paper=upload)
    )
    assert response.status_code == 200
    assert "This file is not a valid PDF" in response.text or "The submitted file is empty" in (
        response.text
    )
    assert Campaign.objects.count() == 0
    assert CampaignDocument.objects.count() == 0


def test_admin_accepts_a_real_pdf_under_any_name(admin_client):
    response = admin_client.post(
        reverse("admin:campaigns_campaign_add"), _campaign_form(paper=pdf_upload("paper.bin"))
    )
    assert response.status_code == 302


def test_admin_refuses_a_pdf_over_the_size_limit(admin_client, settings):
    settings.CAMPAIGNS_MAX_DOCUMENT_BYTES = 300
    response = admin_client.post(
        reverse("admin:campaigns_campaign_add"), _campaign_form(paper=pdf_upload())
    )
    assert response.status_code == 200
    assert "the largest allowed is 300\xa0bytes" in response.text
    assert CampaignDocument.objects.count() == 0


def test_admin_refuses_a_reserved_slug(admin_client):
    data = _campaign_form(**{"sign-up": ""})
    data["slug"] = "supporter"
    response = admin_client.post(reverse("admin:campaigns_campaign_add"), data)
    assert response.status_code == 200
    assert response.text.count("This address is reserved") == 2
    assert Campaign.objects.count() == 0


def test_admin_requires_alt_text_with_a_hero_image(admin_client):
    from demo.blog import demo_image_bytes

    data = _campaign_form()
    data["hero_image"] = SimpleUploadedFile("hero.jpg", demo_image_bytes("x"), "image/jpeg")
    response = admin_client.post(reverse("admin:campaigns_campaign_add"), data)
    assert response.status_code == 200
    assert "Describe the image for screen readers." in response.text


def test_campaign_changelist_shows_supporter_counts_in_constant_queries(
    admin_client, django_assert_max_num_queries
):
    campaign = make_campaign(title="Counted")
    for _ in range(3):
        make_supporter(campaign)
    for _ in range(2):
        make_supporter(campaign, status=Supporter.Status.PENDING)
    url = reverse("admin:campaigns_campaign_changelist")
    html = admin_client.get(url).text
    assert '<td class="field-confirmed_supporters">3</td>' in html
    assert '<td class="field-pending_supporters">2</td>' in html
    with django_assert_max_num_queries(8) as few:
        admin_client.get(url)
    for _ in range(20):
        make_supporter(make_campaign())
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin_client.get(url)


def test_supporter_changelist_filters_and_search(admin_client):
    one, two = make_campaign(), make_campaign()
    make_supporter(one, name="Alpha Listed", country="FR", show_name=True, wants_updates=True)
    make_supporter(two, name="Beta Pending", status=Supporter.Status.PENDING, country="KE")
    make_supporter(one, name="Gamma Org", organisation="Harm Reduction Co-op")
    url = reverse("admin:campaigns_supporter_changelist")
    cases = {
        f"campaign__id__exact={two.pk}": {"Beta Pending"},
        "status__exact=pending": {"Beta Pending"},
        "country=FR": {"Alpha Listed"},
        "wants_updates__exact=1": {"Alpha Listed"},
        "show_name__exact=1": {"Alpha Listed"},
        "q=co-op": {"Gamma Org"},
        "q=beta": {"Beta Pending"},
    }
    names = {"Alpha Listed", "Beta Pending", "Gamma Org"}
    for query, expected in cases.items():
        html = admin_client.get(f"{url}?{query}").text
        assert {n for n in names if n in html} == expected, query


def test_supporters_cannot_be_added_by_staff(admin_client):
    assert admin_client.get(reverse("admin:campaigns_supporter_add")).status_code == 403


def _export(client, supporters, **kwargs):
    return client.post(
        reverse("admin:campaigns_supporter_changelist"),
        {"action": "export_csv", "_selected_action": [s.pk for s in supporters]},
        **kwargs,
    )


def test_csv_export_streams_consent_flags_and_times_for_permitted_staff(client):
    campaign = make_campaign(title="Peace now")
    listed = make_supporter(
        campaign, name="Ana Peer", email="ana@example.org", show_name=True, wants_updates=True
    )
    pending = make_supporter(campaign, name="Bo", status=Supporter.Status.PENDING)
    client.force_login(_staff("view_supporter", "export_supporters"))
    response = _export(client, [listed, pending])
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="supporters-')
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["name"] for r in rows] == ["Ana Peer", "Bo"]
    assert rows[0]["email"] == "ana@example.org"
    assert rows[0]["show_name"] == "yes" and rows[0]["wants_updates"] == "yes"
    assert rows[1]["show_name"] == "no" and rows[1]["wants_updates"] == "no"
    assert rows[0]["status"] == "confirmed" and rows[1]["status"] == "pending"
    assert rows[0]["confirmed_at"] == listed.confirmed_at.isoformat()
    assert rows[1]["confirmed_at"] == ""
    assert rows[0]["signed_up_at"] == listed.created_at.isoformat()


def test_csv_export_is_refused_without_the_permission(client):
    campaign = make_campaign()
    supporter = make_supporter(campaign, email="secret@example.org")
    client.force_login(_staff("view_supporter", "change_supporter", "delete_supporter"))
    changelist = client.get(reverse("admin:campaigns_supporter_changelist")).text
    assert "export_csv" not in changelist
    response = _export(client, [supporter], follow=True)
    assert not getattr(response, "streaming", False)
    assert response["Content-Type"].startswith("text/html")
    assert "No action selected." in response.text


def test_csv_export_defuses_spreadsheet_formulas(client):
    campaign = make_campaign()
    supporter = make_supporter(
        campaign,
        name='=HYPERLINK("http://evil.example","x")',
        organisation="+1 Co",
        email="a@b.org",
    )
    client.force_login(_staff("view_supporter", "export_supporters"))
    text = b"".join(_export(client, [supporter]).streaming_content).decode().lstrip("\ufeff")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["name"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["organisation"] == "'+1 Co"
    assert [safe_cell(v) for v in ("-2", "@x", "\tx", "ok", None)] == [
        "'-2",
        "'@x",
        "'\tx",
        "ok",
        "",
    ]


def test_admin_forms_render_for_a_campaign_with_documents(admin_client):
    campaign = make_campaign()
    make_document(campaign, file=pdf_upload())
    make_supporter(campaign)
    for url in (
        reverse("admin:campaigns_campaign_add"),
        reverse("admin:campaigns_campaign_change", args=[campaign.pk]),
        reverse("admin:campaigns_supporter_change", args=[campaign.supporters.get().pk]),
        reverse("admin:campaigns_supporter_changelist"),
    ):
        assert admin_client.get(url).status_code == 200, url
