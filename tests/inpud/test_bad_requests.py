"""Hostile and malformed requests to every public address and form: never a server error.

Each case is (method, path, data, extra): placeholders in braces ({post}, {campaign}, ...)
are filled in with the objects the fixture makes, so the list reads like the requests.
"""

from itertools import product

import pytest
from django.test import Client

from campaigns.tokens import make_confirm_token, make_manage_token, make_unsubscribe_token
from tests.blog.factories import make_category, make_post
from tests.campaigns.factories import make_campaign, make_document, make_supporter
from tests.comments.factories import make_comment

HUGE = "x" * 100_000
BIG_NUMBER = "9" * 40
WEIRD_VALUES = [
    "",
    "abc",
    "0",
    "-1",
    "1e3",
    "1.5",
    BIG_NUMBER,
    "%00",
    "%C2%B2",  # superscript two: str.isdigit() says yes, int() says no
    "%D9%A3",  # Arabic-Indic three: int() reads it as 3
    "%FF%FE",  # not UTF-8
    "%0D%0ASet-Cookie:x=1",
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3E",
    "x" * 5000,
]

PAGES = [
    "/",
    "{post_url}",
    "/category/{category}/",
    "/tag/{tag}/",
    "/author/{author}/",
    "/{year}/",
    "/{year}/{month}/",
    "/search/",
    "/search/?q=harm",
    "/campaigns/",
    "/campaigns/{campaign}/",
    "/campaigns/{campaign}/{document}/",
    "/campaigns/{campaign}/check-your-email/",
    "/campaigns/{campaign}/thank-you/",
    "/campaigns/supporter/{confirm}/confirm/",
    "/campaigns/supporter/{manage}/",
    "/feed/",
    "/feed/atom/",
    "/category/{category}/feed/",
    "/tag/{tag}/feed/atom/",
    "/comments/feed/",
    "/comments/feed/{post}/",
    "/sitemap.xml",
    "/sitemap-posts.xml",
]
PARAMETERS = ["page", "q", "p", "replytocom", "cat", "page_id", "author", "tag", "attachment_id"]

UNKNOWN_OR_MALFORMED_PATHS = [
    "/category/no-such-category/",
    "/category/no-such/{category}/",
    "/category/{category}/no-such/",
    "/tag/no-such-tag/feed/",
    "/author/no-such-author/",
    "/campaigns/no-such-campaign/",
    "/campaigns/no-such-campaign/sign-up/",
    "/campaigns/{campaign}/no-such-document/",
    "/campaigns/supporter/",
    "/campaigns/supporter/x/",
    "/campaigns/supporter/x:y:z/confirm/",
    "/campaigns/supporter/{manage}/confirm/",
    "/campaigns/supporter/{confirm}/",
    "/campaigns/supporter/{confirm}/withdraw/",
    "/campaigns/supporter/" + "A" * 5000 + "/",
    "/campaigns/supporter/%00/confirm/",
    "/campaigns/supporter/%FF%FE/",
    "/sitemap-nothing.xml",
    "/sitemap-posts.xml?p=0",
    "/sitemap-posts.xml?p=abc",
    "/sitemap-posts.xml?p=" + BIG_NUMBER,
    "/comments/feed/" + BIG_NUMBER + "/",
    "/comments/post/" + BIG_NUMBER + "/",
    "/0000/",
    "/9999/12/",
    "/2024/13/",
    "/2024/00/01/",
    "/2023/02/29/",
    "/2024/02/30/{slug}/",
    "/{year}/{month}/{day}/no-such-post/",
    "/%C3%B1and%C3%BA/",
    "/category/%C3%B1and%C3%BA/",
    "/tag/%E2%9C%93/",
    "/category/%FF/",
    "/%00/",
    "/media/../inpud/settings/base.py",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/static/../../etc/passwd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/" + "a" * 10_000 + "/",
    "//example.org/",
    "/feed/../admin/",
]


def comment_form(**overrides):
    data = {"name": "Ana", "email": "ana@example.org", "website": "", "body": "Hi."}
    data.update({"parent": "", "leave_empty": ""}, **overrides)
    return data


def signup_form(**overrides):
    data = {"name": "Ana", "email": "ana@example.org", "country": "PT", "organisation": ""}
    data.update({"website": ""}, **overrides)
    return data


COMMENT = "/comments/post/{post}/"
SIGNUP = "/campaigns/{campaign}/sign-up/"
FORMS = [(COMMENT, comment_form, f) for f in ("name", "email", "website", "body", "parent")]
FORMS += [(SIGNUP, signup_form, f) for f in ("name", "email", "country", "organisation")]
FORM_VALUES = ["", HUGE, "a\x00b", "a\x07b", "\x1b[31m", "²", BIG_NUMBER, "-1", " ", "\u202e"]


URLENCODED = "application/x-www-form-urlencoded"
METHODS = ["HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"]
CSRF_POSTS = [
    "/campaigns/supporter/{confirm}/confirm/",
    "/campaigns/supporter/{manage}/",
    "/campaigns/supporter/{manage}/withdraw/",
    "/campaigns/supporter/bad-token/confirm/",
    "/campaigns/supporter/bad-token/withdraw/",
    "/campaigns/no-such-campaign/sign-up/",
    "/comments/post/999999/",
    "/comments/post/" + BIG_NUMBER + "/",
    "/search/",
    "/feed/",
    "/",
]


def query_cases(page, names):
    glue = "&" if "?" in page else "?"
    return [("GET", f"{page}{glue}{n}={v}", None, {}) for n, v in product(names, WEIRD_VALUES)]


def form_cases(path, form):
    yield "POST", path, form(name=["one", "two"]), {}  # a field sent twice
    yield "POST", path, {f"f{i}": "x" for i in range(1200)}, {}  # more fields than allowed
    yield "POST", path, form(body="x" * 3_000_000), {}  # more than DATA_UPLOAD_MAX_MEMORY_SIZE
    yield "POST", path, form(), {"QUERY_STRING": "name=%FF&email=%00"}
    yield "POST", path, b"name=%FF%FE&email=\xff\xfe\x00", {"CONTENT_TYPE": URLENCODED}
    yield "POST", path, b"\xff\xfe\x00garbage", {"CONTENT_TYPE": "multipart/form-data"}
    yield "POST", path, b'{"name": "Ana"}', {"CONTENT_TYPE": "application/json"}
    yield "POST", path, b"x", {"CONTENT_TYPE": "multipart/form-data; boundary=" + "b" * 80}


# Each group is one test: a page with odd query strings, a form field with odd values, ...
GROUPS = {f"page {page}": query_cases(page, ["page"]) for page in PAGES}
GROUPS["old WordPress links"] = query_cases("/", PARAMETERS)
GROUPS["reply links"] = query_cases("{post_url}", ["replytocom"])
GROUPS["search"] = query_cases("/search/", ["q"])
GROUPS["unknown or malformed paths"] = [("GET", p, None, {}) for p in UNKNOWN_OR_MALFORMED_PATHS]
for method in METHODS:
    GROUPS[f"{method} requests"] = [(method, p, None, {}) for p in [*PAGES[:11], COMMENT, SIGNUP]]
for path, form, field in FORMS:
    GROUPS[f"{path} {field}"] = [("POST", path, form(**{field: v}), {}) for v in FORM_VALUES]
GROUPS["comment request bodies"] = list(form_cases(COMMENT, comment_form))
GROUPS["sign-up request bodies"] = list(form_cases(SIGNUP, signup_form))
ODD_HEADERS = [
    {"HTTP_USER_AGENT": "Mozilla\x00/5.0"},
    {"HTTP_USER_AGENT": "\xff\xfe" * 5000},
    {"HTTP_ACCEPT_LANGUAGE": "x" * 5000},
    {"HTTP_ACCEPT_LANGUAGE": "en;q=abc,,;;,fr-;q=-1,\x00"},
    {"HTTP_X_FORWARDED_FOR": "not-an-ip, ::ffff:999.1.1.1"},
    {"REMOTE_ADDR": ""},
    {"REMOTE_ADDR": "garbage"},
    {"HTTP_COOKIE": "csrftoken=\x00; sessionid=../../x; messages=bad:sig"},
    {"HTTP_COOKIE": "=; ;;" + "a=b;" * 2000},
    {"HTTP_IF_MODIFIED_SINCE": "yesterday"},
    {"HTTP_IF_NONE_MATCH": '"' * 100},
    {"HTTP_RANGE": "bytes=9999999-1"},
]
GROUPS["odd headers"] = [
    (method, path, data, headers)
    for headers in ODD_HEADERS
    for method, path, data in [
        ("GET", "/", None),
        ("GET", "{post_url}", None),
        ("GET", "/campaigns/{campaign}/", None),
        ("POST", COMMENT, comment_form()),
        ("POST", SIGNUP, signup_form()),
    ]
]
GROUPS["other POST targets"] = [
    ("POST", p, {"show_name": "\x00" * 10, "junk": HUGE}, {}) for p in CSRF_POSTS
]


@pytest.fixture
def targets(db):
    category = make_category(slug="region")
    post = make_post(slug="the-post", categories=[category], tags=["naloxone"])
    make_comment(post)
    campaign = make_campaign(slug="the-campaign", signup_goal=10)
    make_document(campaign, slug="the-paper")
    pending = make_supporter(campaign, status="pending", email="pending@example.org")
    confirmed = make_supporter(campaign, show_name=True)
    when = post.local_publish_at
    return {
        "post": post.pk,
        "post_url": post.get_absolute_url(),
        "slug": post.slug,
        "category": category.slug,
        "tag": "naloxone",
        "author": post.author.slug,
        "year": f"{when:%Y}",
        "month": f"{when:%m}",
        "day": f"{when:%d}",
        "campaign": campaign.slug,
        "document": "the-paper",
        "confirm": make_confirm_token(pending),
        "manage": make_manage_token(confirmed),
        "unsubscribe": make_unsubscribe_token(confirmed),
    }


def fill(path, targets):
    for name, value in targets.items():
        path = path.replace("{" + name + "}", str(value))
    return path


@pytest.mark.parametrize("group", GROUPS)
def test_bad_requests_are_never_a_server_error(targets, group):
    client = Client(raise_request_exception=False)
    failures = []
    for method, path, data, extra in GROUPS[group]:
        url = fill(path, targets)
        response = send(client, method, url, data, dict(extra))
        if response.status_code >= 500:
            failures.append((method, url[:120], response.status_code))
        elif response.status_code >= 400 and method != "HEAD" and b"<h1>" not in response.content:
            failures.append((method, url[:120], response.status_code, "no page to help"))
    assert failures == []


UNSAFE_GROUPS = [g for g, cases in GROUPS.items() if cases[0][0] in ("POST", "PUT", "DELETE")]


CROSS_SITE = {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"}


@pytest.mark.parametrize("group", UNSAFE_GROUPS)
def test_unsafe_requests_from_another_site_are_refused(targets, group):
    """Public forms check where the request comes from; staff forms need a CSRF token."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    failures = []
    for method, path, data, extra in GROUPS[group]:
        url = fill(path, targets)
        response = send(client, method, url, data, {**extra, **CROSS_SITE})
        if response.status_code not in (403, 404, 405):
            failures.append((method, url[:120], response.status_code))
    assert failures == []


SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def send(client, method, url, data, extra):
    if isinstance(data, bytes):
        return client.generic(method, url, data, content_type=extra.pop("CONTENT_TYPE"), **extra)
    if data is None:
        return client.generic(method, url, **extra)
    return client.generic(method, url, **_encoded(data), **extra)


def _encoded(data):
    from django.test.client import MULTIPART_CONTENT, encode_multipart

    if data is None:
        return {}
    return {
        "data": encode_multipart("BoUnDaRy", data),
        "content_type": MULTIPART_CONTENT.replace("BoUnDaRyStRiNg", "BoUnDaRy"),
    }


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("GET", "/comments/post/{post}/", "POST"),  # a reload of the comment form's address
        ("DELETE", "/", "GET"),
        ("PUT", "/search/", "GET"),
        ("POST", "/search/", "GET"),
    ],
)
def test_wrong_method_gets_a_helpful_405_page(targets, method, path, allowed):
    response = Client().generic(method, fill(path, targets))
    assert response.status_code == 405
    assert allowed in response["Allow"]
    assert '<a class="skip-link"' in response.text  # the site's layout, not an empty page
    assert "<h1>" in response.text and 'href="/"' in response.text


def test_head_of_a_post_only_address_stays_empty(targets):
    response = Client().head(fill("/comments/post/{post}/", targets))
    assert response.status_code == 405
    assert response.content == b""
