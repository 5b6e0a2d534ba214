"""Campaign staff manage campaigns and supporters and export them; Editors cannot."""

import pytest
from django.contrib.auth.models import Group

from blog.roles import GROUPS as BLOG_GROUPS
from campaigns.roles import GROUPS
from tests.blog.factories import make_staff
from tests.campaigns.factories import make_campaign, make_supporter

pytestmark = pytest.mark.django_db


def export(client, supporter):
    return client.post(
        "/admin/campaigns/supporter/",
        {"action": "export_csv", "_selected_action": [supporter.pk]},
    )


def test_the_role_is_kept_in_step_after_migrate():
    names = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name="Campaign staff").permissions.all()
    }
    assert set(GROUPS["Campaign staff"]) <= names
    assert "campaigns.export_supporters" in names
    assert not any(name.startswith("blog.") for name in names)


def test_campaign_staff_export_supporters(client):
    supporter = make_supporter(make_campaign())
    client.force_login(make_staff("Campaign staff", author=False))
    assert client.get("/admin/campaigns/campaign/add/").status_code == 200
    response = export(client, supporter)
    assert response["Content-Type"].startswith("text/csv")


def test_editors_can_neither_see_nor_export_supporters(client):
    assert not any(p.startswith("campaigns.") for p in BLOG_GROUPS["Editor"])
    supporter = make_supporter(make_campaign())
    client.force_login(make_staff("Editor", author=False))
    assert client.get("/admin/campaigns/supporter/").status_code == 403
    assert export(client, supporter).status_code == 403
