"""The shipped nginx recipe in front of the app: readers hit the cache, staff and forms pass."""

import http.client
import os
import ssl
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client

from bench.nginx import NGINX, SERVER_NAME, Nginx
from comments.models import Comment
from tests.blog.factories import make_editor, make_post
from tests.campaigns.factories import make_campaign, make_supporter

pytestmark = [pytest.mark.nginx, pytest.mark.django_db(transaction=True)]
AGENT = "zq-agent-7731"


def require_nginx():
    if not Path(NGINX).exists():
        if os.environ.get("REQUIRE_NGINX") == "1":
            pytest.fail(f"{NGINX} is required (REQUIRE_NGINX=1)")
        pytest.skip(f"{NGINX} is not installed (apt-get install nginx)")


@pytest.fixture
def nginx(live_server, settings, tmp_path):
    require_nginx()
    settings.ALLOWED_HOSTS = [*django_settings.ALLOWED_HOSTS, SERVER_NAME]
    settings.TRUST_X_FORWARDED_FOR = True
    server = Nginx(tmp_path, upstream_port=urlsplit(live_server.url).port)
    yield server
    server.stop()


def fetch(server, path, *, method="GET", body=None, headers=None):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    connection = http.client.HTTPSConnection("127.0.0.1", server.port, context=context)
    connection.request(
        method,
        path,
        body=body,
        headers={"Host": SERVER_NAME, "User-Agent": AGENT, **(headers or {})},
    )
    response = connection.getresponse()
    response.text = response.read().decode()
    connection.close()
    return response


def test_a_readers_second_request_is_served_by_nginx(nginx):
    post = make_post(title="Peer support saves lives")
    first = fetch(nginx, post.get_absolute_url())
    second = fetch(nginx, post.get_absolute_url())
    assert first.status == second.status == 200
    assert first.getheader("X-Cache") == "MISS"
    assert second.getheader("X-Cache") == "HIT"
    assert "Peer support saves lives" in second.text
    assert first.getheader("Set-Cookie") is None and second.getheader("Set-Cookie") is None
    # Unknown parameters share the entry; ?page= makes its own.
    assert fetch(nginx, post.get_absolute_url() + "?utm_source=x").getheader("X-Cache") == "HIT"


def test_a_staff_session_bypasses_the_cache(nginx):
    make_post(title="Everyone reads this")
    fetch(nginx, "/")
    assert fetch(nginx, "/").getheader("X-Cache") == "HIT"
    editor = make_editor()
    staff_client = Client()
    staff_client.force_login(editor)
    session_key = staff_client.cookies[django_settings.SESSION_COOKIE_NAME].value
    cookie = f"{django_settings.SESSION_COOKIE_NAME}={session_key}"
    for _ in range(2):
        response = fetch(nginx, "/", headers={"Cookie": cookie})
        assert response.getheader("X-Cache") == "BYPASS"
        assert "private" in response.getheader("Cache-Control")
    admin = fetch(nginx, "/admin/", headers={"Cookie": cookie})
    assert admin.status == 200 and get_user_model().objects.filter(pk=editor.pk).exists()


def test_a_comment_passes_through_and_leaves_no_cookie(nginx):
    post = make_post()
    fetch(nginx, post.get_absolute_url())
    form = {"name": "Ana", "email": "ana@example.org", "body": "Thank you.", "parent": ""}
    response = fetch(
        nginx,
        f"/comments/post/{post.pk}/",
        method="POST",
        body=urlencode({**form, "leave_empty": ""}),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"https://{SERVER_NAME}",
            "Sec-Fetch-Site": "same-origin",
        },
    )
    assert response.status == 302, response.text[:300]
    assert response.getheader("Set-Cookie") is None
    assert Comment.objects.filter(post=post, body="Thank you.").exists()
    assert response.getheader("X-Cache") in (None, "BYPASS", "")


def test_the_access_log_holds_no_address_agent_query_or_personal_link(nginx):
    campaign = make_campaign()
    supporter = make_supporter(campaign)
    from campaigns.tokens import make_manage_token

    token = make_manage_token(supporter)
    fetch(nginx, "/?q=private-search-words")
    fetch(nginx, "/search/?q=private-search-words")
    fetch(nginx, f"/campaigns/supporter/{token}/")
    fetch(nginx, f"/es/campaigns/supporter/{token}/")  # links in Spanish emails
    fetch(nginx, "/static/css/site.css")
    log = nginx.access_log
    assert log.count("\n") >= 3
    for secret in ("127.0.0.1", AGENT, "private-search-words", token):
        assert secret not in log, secret
    assert "/campaigns/supporter/[link]" in log


def test_static_files_come_from_nginx_with_a_long_lifetime(nginx):
    response = fetch(nginx, "/static/css/site.css")
    assert response.status == 200
    assert "immutable" in response.getheader("Cache-Control")
