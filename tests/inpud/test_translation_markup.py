"""Every word a reader sees in a template is inside {% translate %} or {% blocktranslate %}.

A heuristic scanner, strict enough to catch a forgotten sentence: it removes comments,
translation blocks, variables and tags, then HTML tags, and whatever text is left must have
no words. Attributes people read (alt, title, placeholder, aria-label) are checked the same
way. Names that are the same in every language are listed below.
"""

import re
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
TEMPLATE_DIRS = [BASE / "templates"] + [
    BASE / app / "templates" for app in ("blog", "comments", "campaigns", "wordpress", "accounts")
]
NOT_FOR_READERS = {"robots.txt"}
# Proper names: the share services and the fallback site name of the standalone 500 page.
SAME_IN_EVERY_LANGUAGE = {"Bluesky", "Mastodon", "Facebook", "X", "WhatsApp", "Telegram", "INPUD"}

REMOVE = [
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"<(script|style)\b.*?</\1>", re.S),
    # CSS class names given through a block are not text.
    re.compile(r"{%\s*block page_class\s*%}.*?{%\s*endblock\s*%}", re.S),
]
TRANSLATED = [
    re.compile(r"{%\s*blocktrans(?:late)?\b.*?%}.*?{%\s*endblocktrans(?:late)?\s*%}", re.S),
    re.compile(r"{%\s*trans(?:late)?\s.*?%}", re.S),
    re.compile(r"{{.*?}}", re.S),
]
TAG = re.compile(r"{%.*?%}", re.S)
READ_ATTRIBUTES = re.compile(r'\s(alt|title|placeholder|aria-label)="([^"]*)"')
HTML_TAG = re.compile(r"<[^>]*>", re.S)
ENTITY = re.compile(r"&#?\w+;")
WORD = re.compile(r"[^\W\d_]{2,}|\b[^\W\d_]\b")


def untranslated(source: str):
    for pattern in REMOVE:
        source = pattern.sub(" ", source)
    for pattern in TRANSLATED:
        source = pattern.sub("§", source)  # a placeholder: the attribute quotes stay balanced
    source = TAG.sub(" ", source)
    found = [value for _, value in READ_ATTRIBUTES.findall(source)]
    text = ENTITY.sub(" ", HTML_TAG.sub("\n", source))
    found += text.splitlines()
    return [
        chunk.strip()
        for chunk in found
        if any(word not in SAME_IN_EVERY_LANGUAGE for word in WORD.findall(chunk))
    ]


def templates():
    for folder in TEMPLATE_DIRS:
        for path in folder.rglob("*"):
            if path.suffix in {".html", ".txt"} and path.name not in NOT_FOR_READERS:
                yield path


def test_scanner_finds_text_outside_translation_tags():
    assert untranslated("<p>Hello {{ name }}</p>") == ["Hello §"]
    assert untranslated('<img alt="A drawing" src="{{ x }}">') == ["A drawing"]
    assert untranslated('<a title="{% translate "Home" %}">{% translate "Go" %}</a>') == []
    assert untranslated("{% blocktranslate %}Hi {{ n }}{% endblocktranslate %} · →") == []
    assert untranslated("{# note #}{% comment %}Draft{% endcomment %}<li>X</li>") == []


def test_every_template_keeps_its_text_inside_translation_tags():
    found = {
        str(path.relative_to(BASE)): problems
        for path in templates()
        if (problems := untranslated(path.read_text(encoding="utf-8")))
    }
    assert found == {}
