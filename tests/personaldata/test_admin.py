import json

import pytest
from django.contrib.auth.models import Group

from audit.models import Event
from campaigns.models import Campaign, Supporter
from comments.models import Comment
from contact.models import ContactMessage
from outbox.models import Message
from tests.blog.factories import make_post, make_staff, make_user
from tests.comments.factories import make_comment
from tests.pages.factories import make_page
from tests.personaldata.factories import make_person
from tests.personaldata.scan import places_holding

pytestmark = pytest.mark.django_db

URL = "/admin/personaldata/datarequest/"


@pytest.fixture
def officer(client):
    user = make_staff("Data protection", author=False)
    client.force_login(user)
    return user


def test_the_role_exists_with_its_permission():
    group = Group.objects.get(name="Data protection")
    assert group.permissions.filter(codename="manage_personal_data").exists()


def test_staff_without_the_permission_are_refused(client):
    client.force_login(make_staff(perms=["comments.change_comment"], author=False))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"email": "a@example.org", "do": "export"}).status_code == 403


def test_finding_shows_comments_of_any_status_sign_ups_and_emails(client, officer):
    person = make_person()
    response = client.post(URL, {"email": "person.held@example.ORG", "do": "find"})
    page = response.content.decode()
    assert (
        response["Cache-Control"].startswith("private") or "no-cache" in response["Cache-Control"]
    )
    assert "Comments (2)" in page and "Campaign sign-ups (2)" in page
    assert "Messages sent through the contact form (1)" in page and "An interview?" in page
    assert "A post they commented on" in page and "A reply by another." not in page
    event = Event.objects.get(action=Event.Action.PERSONAL_DATA_EXPORTED)
    assert event.details["counts"]["comments"] == 2
    assert person["email"].lower() not in json.dumps(event.details).lower()


def test_export_downloads_json(client, officer):
    make_person()
    response = client.post(URL, {"email": "person.held@example.org", "do": "export"})
    assert response["Content-Type"].startswith("application/json")
    document = json.loads(response.content)
    assert len(document["comments"]) == 2 and len(document["sign-ups"]) == 2
    assert [m["message"] for m in document["contact-messages"]] == ["An interview?"]
    assert document["sign-ups"][0]["consent wording"]


@pytest.mark.parametrize("mode", ["remove", "anonymise"])
def test_erase_removes_or_anonymises_comments_and_withdraws_sign_ups(client, officer, mode):
    person = make_person()
    confirmed = person["supporters"][0]
    response = client.post(
        URL, {"email": person["email"], "do": "erase", "comments": mode}, follow=True
    )
    assert response.status_code == 200
    assert not Supporter.objects.exists()
    assert Campaign.objects.get(pk=confirmed.campaign_id).withdrawn_count == 1
    assert not Message.objects.filter(to__iexact=person["email"]).exists()
    assert not Comment.objects.filter(author_email__iexact=person["email"]).exists()
    assert list(ContactMessage.objects.values_list("message", flat=True)) == ["Call me"]
    reply = Comment.objects.get(body="A reply by another.")
    parent = reply.parent  # the thread stays whole
    assert parent.author_name == "Anonymous"
    assert (parent.author_email, parent.ip_hash, parent.author_url) == ("", "", "")
    if mode == "remove":
        assert Comment.objects.count() == 2  # the pending one went; the replied one stays
        assert parent.body.startswith("This comment was removed")
    else:
        assert Comment.objects.count() == 3
        assert Comment.objects.filter(author_name="Anonymous").count() == 2
    event = Event.objects.get(action=Event.Action.PERSONAL_DATA_ERASED)
    assert event.actor_id == officer.pk
    assert event.details["counts"]["sign-ups"] == 2
    assert "example.org" not in json.dumps(event.details).lower()


def test_a_superuser_sees_it_in_the_admin_index(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    assert URL.encode() in client.get("/admin/").content


def test_after_an_erasure_from_the_admin_the_address_is_nowhere(client, officer):
    person = make_person()
    client.post(URL, {"email": person["email"], "do": "find"})
    assert places_holding("person.held@example.org")
    client.post(URL, {"email": person["email"], "do": "erase", "comments": "remove"})
    assert places_holding("person.held@example.org") == []


def test_comments_on_pages_are_found_exported_and_erased(client, officer):
    page = make_page(title="Join us", allow_comments=True)
    make_comment(page, author_email="page.person@example.org", body="On a page")
    make_comment(make_post(title="A post"), author_email="page.person@example.org")
    text = client.post(URL, {"email": "page.person@example.org", "do": "find"}).text
    assert "Comments (2)" in text
    assert "<dt>Page</dt><dd>Join us</dd>" in text and "<dt>Post</dt><dd>A post</dd>" in text
    response = client.post(URL, {"email": "page.person@example.org", "do": "export"})
    assert [c.get("page") for c in json.loads(response.content)["comments"]] == ["Join us", None]
    assert "On a page" in client.get(page.get_absolute_url()).text
    client.post(URL, {"email": "page.person@example.org", "do": "erase", "comments": "remove"})
    assert not Comment.objects.exists()
    assert "On a page" not in client.get(page.get_absolute_url()).text
