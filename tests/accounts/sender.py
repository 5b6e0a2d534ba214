"""One sender of login attempts (a separate process; standard library only).

python -m tests.accounts.sender BASE_URL USERNAME PASSWORD COUNT  → JSON [[status, body], …]
"""

import json
import re
import sys
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener


class _NoRedirects(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is an answer to look at, not to follow


def send(base_url, username, password, count):
    opener = build_opener(HTTPCookieProcessor(CookieJar()), _NoRedirects())
    url = f"{base_url}/admin/login/"
    page = opener.open(url, timeout=60).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urlencode(
        {"csrfmiddlewaretoken": token, "username": username, "password": password}
    ).encode()
    answers = []
    for _ in range(count):
        try:
            response = opener.open(Request(url, body), timeout=60)  # noqa: S310 (http://127.0.0.1)
        except HTTPError as error:  # 302, 429 …
            response = error
        answers.append([response.code, response.read().decode()])
    return answers


if __name__ == "__main__":
    base_url, username, password, count = sys.argv[1:]
    print(json.dumps(send(base_url, username, password, int(count))))
