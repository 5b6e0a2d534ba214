"""Campaigns in four languages: translations share their original's supporters, sign-ups keep
the supporter's language, and every email goes out in it."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import translation

from campaigns.models import Campaign, CampaignDocument, Supporter
from tests.blog.factories import make_editor
from tests.campaigns.factories import make_campaign, make_document, make_supporter, signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def peace():
    original = make_campaign(title="Drug User Peace Initiative", slug="dupi")
    spanish = make_campaign(
        title="Iniciativa de Paz", slug="dupi-es", language="es", translation_of=original
    )
    foreword = make_document(
        original, title="Foreword", slug="foreword", kind=CampaignDocument.Kind.FOREWORD
    )
    make_document(
        spanish,
        title="Prólogo",
        slug="prologo",
        kind=CampaignDocument.Kind.FOREWORD,
        language="es",
        translation_of=foreword,
    )
    for n in range(3):
        make_supporter(original, name=f"Peer {n}", show_name=True)
    return original, spanish


def test_each_language_lists_its_campaigns_and_links_the_translations(client, peace):
    original, spanish = peace
    assert spanish.get_absolute_url() == "/es/campaigns/dupi-es/"
    assert "Iniciativa de Paz" in client.get("/es/campaigns/").text
    assert "Iniciativa de Paz" not in client.get("/campaigns/").text
    page = client.get(spanish.get_absolute_url()).text
    assert '<html lang="es" dir="ltr">' in page
    assert f'hreflang="en" href="http://127.0.0.1:8000{original.get_absolute_url()}"' in page
    assert "Peer 2" in page  # the original's supporters
    assert client.get("/campaigns/dupi-es/")["Location"] == "/es/campaigns/dupi-es/"
    document = client.get("/es/campaigns/dupi-es/prologo/").text
    assert 'hreflang="en" href="http://127.0.0.1:8000/campaigns/dupi/foreword/"' in document


def test_a_sign_up_in_spanish_is_stored_on_the_original_and_mailed_in_spanish(
    client, peace, django_capture_on_commit_callbacks
):
    original, spanish = peace
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/es/campaigns/dupi-es/sign-up/", signup_data())
    assert response["Location"] == "/es/campaigns/dupi-es/check-your-email/"
    supporter = Supporter.objects.get(email="ana@example.org")
    assert (supporter.campaign, supporter.language) == (original, "es")
    (message,) = mail.outbox
    with translation.override("es"):
        subject = translation.gettext("Please confirm your support for %(title)s")
    assert subject != "Please confirm your support for %(title)s"  # in the catalogue
    assert message.subject == subject % {"title": "Iniciativa de Paz"}
    link = re.search(
        r"http://127\.0\.0\.1:8000(/es/campaigns/supporter/[^/\s]+/confirm/)", message.body
    )
    assert link
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(link.group(1))
    assert confirmed["Location"] == "/es/campaigns/dupi-es/thank-you/"
    welcome = mail.outbox[1]
    with translation.override("es"):
        subject = translation.gettext("Thank you for supporting %(title)s")
    assert welcome.subject == subject % {"title": "Iniciativa de Paz"}
    assert welcome.subject.startswith("Gracias")


def test_the_admin_adds_a_translated_campaign_with_its_documents(client, peace):
    original, _spanish = peace
    client.force_login(make_editor(is_superuser=True))
    response = client.post(
        "/admin/campaigns/campaign/",
        {"action": "add_translation_ru", "_selected_action": [original.pk]},
    )
    russian = Campaign.objects.get(language="ru")
    assert response["Location"] == f"/admin/campaigns/campaign/{russian.pk}/change/"
    assert (russian.slug, russian.status, russian.translation_of) == ("dupi-ru", "draft", original)
    (document,) = russian.documents.all()
    assert (document.slug, document.language, document.translation_of.slug) == (
        "foreword",
        "ru",
        "foreword",
    )
    listing = client.get("/admin/campaigns/campaign/", {"language": "ru"}).text
    assert "Translation of “Drug User Peace Initiative”" in listing
    assert "Iniciativa de Paz" not in listing


def test_the_list_counts_a_translation_s_shared_supporters(client, peace):
    html = client.get("/es/campaigns/").text
    with translation.override("es"):
        three = translation.ngettext("%(shown)s supporter", "%(shown)s supporters", 3)
    assert three % {"shown": 3} in html


def _document_items(page):
    section = page[
        page.index('id="documents-heading"') : page.index(
            "</ol>", page.index('id="documents-heading"')
        )
    ]
    return re.findall(r'<li class="document-item"(.*?)</li>', section, re.S)


def test_a_translation_lists_the_originals_untranslated_documents_marked_as_english(
    client, peace, django_assert_max_num_queries
):
    original, spanish = peace
    make_document(original, title="Human rights", slug="rights", order=1)
    make_document(original, title="Women", slug="women", order=2)
    make_document(original, title="Not yet", slug="later", published_on="2999-01-01")
    with django_assert_max_num_queries(12):
        page = client.get(spanish.get_absolute_url()).text
    items = _document_items(page)
    # The Spanish foreword replaces the English one; the papers not translated yet follow it
    # at their own (English) addresses, marked as English; a future paper stays hidden.
    assert [re.search(r'href="([^"]+)"', item).group(1) for item in items] == [
        "/es/campaigns/dupi-es/prologo/",
        "/campaigns/dupi/rights/",
        "/campaigns/dupi/women/",
    ]
    assert 'lang="es"' not in items[0] and "Foreword" not in page
    assert '<h3 lang="en">' in items[1] and '<p lang="en">' in items[1]
    with translation.override("es"):
        english = translation.gettext("English")
    assert english != "English" and f"· {english}" in items[1]
    # The English page lists its own documents only, none marked.
    english_items = _document_items(client.get(original.get_absolute_url()).text)
    assert len(english_items) == 3 and not any("lang=" in item for item in english_items)


def test_a_translated_document_replaces_the_original_only_once_published(client, peace):
    original, spanish = peace
    rights = make_document(original, title="Human rights", slug="rights", order=1)
    derechos = make_document(
        spanish,
        title="Derechos humanos",
        slug="derechos",
        language="es",
        translation_of=rights,
        order=1,
        published_on="2999-01-01",
    )
    page = client.get(spanish.get_absolute_url()).text
    assert "/campaigns/dupi/rights/" in page and "Derechos humanos" not in page
    derechos.published_on = datetime.date(2020, 1, 1)
    derechos.save()
    page = client.get(spanish.get_absolute_url()).text
    assert "/es/campaigns/dupi-es/derechos/" in page and "/campaigns/dupi/rights/" not in page


def test_a_translated_documents_neighbours_include_the_originals_untranslated_ones(client, peace):
    original, spanish = peace
    make_document(original, title="Human rights", slug="rights", order=1)
    page = client.get("/es/campaigns/dupi-es/prologo/").text
    assert 'href="/campaigns/dupi/rights/" rel="next"' in page
    # An English document is read at its own address only, never under the translation.
    assert client.get("/es/campaigns/dupi-es/rights/").status_code == 404
