from tests.blog.factories import make_post


def test_public_pages_forbid_other_hosts(client, db):
    post = make_post()
    response = client.get(post.get_absolute_url())
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy


def test_admin_allows_the_editor_inline_code_from_the_same_host_only(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "http" not in policy


def test_responses_carry_privacy_headers(client, db):
    response = client.get("/")
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "geolocation=()" in response["Permissions-Policy"]
