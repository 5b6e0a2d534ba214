"""3,000+ generated hostile requests over every public form, parameter and header: no 5xx.

Deterministic (a fixed seed), so a failure names a request that can be replayed. Mixes what
test_bad_requests.py lists by hand: odd values in every field and parameter, bodies in other
charsets or not in any, minus-sign and operator runs in search, broken headers and cookies.
"""

import random
from collections import Counter
from urllib.parse import quote

import pytest
from django.test import Client
from django.test.client import MULTIPART_CONTENT, encode_multipart

from tests.inpud.test_bad_requests import (  # noqa: F401 (targets is a fixture)
    PAGES,
    WEIRD_VALUES,
    comment_form,
    fill,
    signup_form,
    targets,
)

REQUESTS = 3200
SEED = 10

OPERATOR_RUNS = [
    "- " * 33,
    "-" * 40,
    "- " * 100,
    "a" + " -" * 50,
    "-- " * 40 + "harm",
    '"' * 41,
    "or " * 66,
    "!" * 60 + "x",
    "(" * 80,
    "harm & | ! <-> :* \\ ' \" ( )",
    "-" * 199,
]
TEXT = [
    *WEIRD_VALUES,
    *OPERATOR_RUNS,
    "Ana\u202egnp.exe",
    "\u2066x\u2069",
    "\ufffd",
    "\x00",
    "\x7f\x1b[2J",
    "\ud800",
    "José Ñandú",
    "李雷",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "x" * 300,
    "a@b",
    "a@example.org",
    "https://example.org/x",
    "javascript:alert(1)",
]
CHARSETS = ["utf-8", "latin-1", "utf-16", "utf-32", "cp1252", "bogus", "utf8", "", "UTF-8"]
PARAMS = [
    "page",
    "q",
    "cpage",
    "replytocom",
    "p",
    "cat",
    "page_id",
    "author",
    "tag",
    "attachment_id",
]
FORMS = {
    "/comments/post/{post}/": comment_form,
    "/campaigns/{campaign}/sign-up/": signup_form,
    "/campaigns/supporter/{manage}/": lambda: {"show_name": "on"},
    "/campaigns/supporter/{manage}/withdraw/": dict,
    "/campaigns/supporter/{confirm}/confirm/": dict,
    "/campaigns/supporter/unsubscribe/{unsubscribe}/": lambda: {"List-Unsubscribe": "One-Click"},
    "/your-data/": lambda: {"email": "a@example.org"},
    "/admin/login/": lambda: {"username": "admin", "password": "x", "next": "/admin/"},
    "/search/": lambda: {"q": "harm"},
}
HEADERS = {
    "HTTP_USER_AGENT": ["Mozilla\x00", "\xff" * 300, "", "x" * 5000],
    "HTTP_ACCEPT_LANGUAGE": ["x" * 3000, "en;q=abc,,;;", "zz-ZZ", "*", "es,en;q=0.1"],
    "HTTP_COOKIE": ["csrftoken=\x00", "sessionid=../../x", "messages=bad:sig", "=;;" * 300],
    "HTTP_X_FORWARDED_FOR": ["not-an-ip", "::ffff:999.1.1.1", "1.2.3.4, 5.6.7.8", ""],
    "REMOTE_ADDR": ["", "garbage", "::1", "203.0.113.9"],
    "HTTP_IF_MODIFIED_SINCE": ["yesterday", "Sat, 29 Feb 2025 00:00:00 GMT"],
    "HTTP_IF_NONE_MATCH": ['"' * 50, "*"],
    "HTTP_RANGE": ["bytes=9999999-1", "bytes=-"],
    "HTTP_HOST": ["testserver", "evil.example", "testserver:99999"],
    "HTTP_ORIGIN": ["null", "https://evil.example"],
}


def _headers(rng):
    return {name: rng.choice(values) for name, values in HEADERS.items() if rng.random() < 0.15}


def _form_data(rng, base):
    data = base()
    for name in list(data) or ["x"]:
        if rng.random() < 0.5:
            data[name] = rng.choice(TEXT)
    if rng.random() < 0.1:
        data[f"extra{rng.randrange(99)}"] = rng.choice(TEXT)
    return data


def _body(rng, data):
    """A body and content type: a form in some charset, multipart, JSON or raw bytes."""
    kind = rng.random()
    if kind < 0.5:
        charset = rng.choice(CHARSETS)
        text = "&".join(f"{k}={v}" for k, v in data.items())
        encoding = charset if charset in ("latin-1", "utf-16", "utf-32", "cp1252") else "utf-8"
        body = text.encode(encoding, errors="replace")
        suffix = f"; charset={charset}" if charset else ""
        return body, f"application/x-www-form-urlencoded{suffix}"
    if kind < 0.8:
        clean = {k: v.replace("\ud800", "?") for k, v in data.items()}
        content_type = MULTIPART_CONTENT
        if rng.random() < 0.2:
            content_type += "; charset=" + rng.choice(CHARSETS[1:])
        return encode_multipart("BoUnDaRyStRiNg", clean), content_type
    if kind < 0.9:
        return b'{"name": "Ana"}', "application/json"
    return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))), rng.choice(
        ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data"]
    )


def _q(value):
    """As a browser sends it: UTF-8 percent-encoded (a lone surrogate as its raw bytes);
    the literal %XX sequences in the values are kept, to send bytes that are not UTF-8."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="%!$'()*,/:;=?@[]~-._")


def generate(rng):
    for _ in range(REQUESTS):
        headers = _headers(rng)
        if rng.random() < 0.45:
            page = rng.choice(PAGES)
            glue = "&" if "?" in page else "?"
            query = "&".join(
                f"{rng.choice(PARAMS)}={_q(rng.choice(TEXT))}" for _ in range(rng.randrange(1, 3))
            )
            yield "GET", f"{page}{glue}{query}", None, None, headers
        else:
            path, base = rng.choice(list(FORMS.items()))
            method = "GET" if path == "/search/" else rng.choice(["POST"] * 9 + ["PUT"])
            if method == "GET":
                query = "q=" + _q(rng.choice(TEXT))
                yield "GET", f"{path}?{query}", None, None, headers
                continue
            body, content_type = _body(rng, _form_data(rng, base))
            yield method, path, body, content_type, headers


@pytest.mark.django_db
def test_thousands_of_fuzzed_requests_never_get_a_server_error(targets):  # noqa: F811
    client = Client(raise_request_exception=False)
    rng = random.Random(SEED)
    failures, count, statuses = [], 0, Counter()
    for method, path, body, content_type, headers in generate(rng):
        url = fill(path, targets)
        if body is None:
            response = client.generic(method, url, **headers)
        else:
            response = client.generic(method, url, body, content_type=content_type, **headers)
        count += 1
        statuses[response.status_code] += 1
        if response.status_code >= 500:
            failures.append((count, method, url[:100], content_type, response.status_code))
    print(f"{count} requests: {sorted(statuses.items())}")
    assert count >= 3000
    assert len(statuses) > 5  # many kinds of answer: the requests reached many code paths
    assert failures == []
