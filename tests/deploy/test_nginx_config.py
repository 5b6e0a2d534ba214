"""The shipped nginx recipe agrees with the app's settings (no nginx needed)."""

import re
from pathlib import Path

from django.conf import settings

SITE_CONF = Path(settings.BASE_DIR) / "deploy" / "nginx" / "inpud-site.conf"


def test_nginx_keys_pages_by_the_parameters_the_app_keeps():
    key = re.search(r'proxy_cache_key "([^"]+)";', SITE_CONF.read_text())[1]
    in_key = set(re.findall(r"\$arg_(\w+)", key))
    cached = set(settings.PAGE_QUERY_PARAMETERS) - set(settings.PAGE_QUERY_PARAMETERS_UNCACHED)
    assert in_key == cached


def test_nginx_never_caches_the_uncached_parameters():
    text = SITE_CONF.read_text()
    for name in settings.PAGE_QUERY_PARAMETERS_UNCACHED:
        assert re.search(rf"proxy_no_cache\s[^;]*\$arg_{name}\b", text), name
        assert re.search(rf"proxy_cache_bypass\s[^;]*\$arg_{name}\b", text), name
