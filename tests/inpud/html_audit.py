"""A small HTML reader for accessibility checks on rendered pages (standard library only)."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

HEADING = re.compile(r"h([1-6])")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
CONTROLS = {"input", "select", "textarea"}
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}


@dataclass
class Element:
    tag: str
    attrs: dict
    text: str = ""
    in_head: bool = False
    hidden: bool = False  # inside an aria-hidden container (the honeypots)


@dataclass
class Page:
    elements: list = field(default_factory=list)

    def find(self, tag):
        return [e for e in self.elements if e.tag == tag]

    def by_id(self, element_id):
        return next((e for e in self.elements if e.attrs.get("id") == element_id), None)

    @property
    def headings(self):
        return [
            (int(HEADING.fullmatch(e.tag)[1]), e.text.strip())
            for e in self.elements
            if HEADING.fullmatch(e.tag)
        ]

    @property
    def controls(self):
        """Form controls a person fills in (not hidden inputs or buttons)."""
        return [
            e
            for e in self.elements
            if e.tag in CONTROLS and e.attrs.get("type") not in UNLABELLED_INPUT_TYPES
        ]

    @property
    def label_targets(self):
        return {e.attrs["for"] for e in self.find("label") if e.attrs.get("for")}


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open = []  # elements whose text is being collected
        self.in_head = False
        self.hidden_depth = []

    def handle_starttag(self, tag, attrs):
        attrs = {name: value if value is not None else "" for name, value in attrs}
        if tag == "head":
            self.in_head = True
        element = Element(tag, attrs, in_head=self.in_head, hidden=bool(self.hidden_depth))
        self.page.elements.append(element)
        if tag in VOID:
            return
        self.open.append(element)
        if attrs.get("aria-hidden") == "true":
            self.hidden_depth.append(element)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].tag == tag:
                closed = self.open[i]
                del self.open[i:]
                if self.hidden_depth and self.hidden_depth[-1] is closed:
                    self.hidden_depth.pop()
                break

    def handle_data(self, data):
        for element in self.open:
            element.text += data


def read(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def heading_problems(page: Page):
    """One h1, and no level skipped on the way down (h2 then h4)."""
    problems = []
    levels = page.headings
    if [level for level, _ in levels].count(1) != 1:
        problems.append(f"expected one h1, found {levels}")
    previous = 0
    for level, text in levels:
        if level > previous + 1:
            problems.append(f"h{level} '{text}' follows h{previous}")
        previous = level
    return problems


def label_problems(page: Page):
    targets = page.label_targets
    return [
        f"<{e.tag} name={e.attrs.get('name')!r}> has no <label for>"
        for e in page.controls
        if not e.attrs.get("id") or e.attrs["id"] not in targets
    ]


def error_link_problems(page: Page):
    """Every invalid control names its error message with aria-describedby."""
    problems = []
    invalid = [e for e in page.controls if e.attrs.get("aria-invalid") == "true"]
    if not invalid:
        problems.append("no control is marked aria-invalid")
    for control in invalid:
        ids = control.attrs.get("aria-describedby", "").split()
        described = [page.by_id(i) for i in ids]
        if not any(
            d is not None
            and "error" in d.attrs.get("class", "") + d.attrs.get("id", "")
            and d.text.strip()
            for d in described
        ):
            problems.append(f"{control.attrs.get('name')}: no error message in {ids}")
    return problems


class FormParser(HTMLParser):
    """Collects what a browser would submit from the form with the given id."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.data = {}
        self._in_form = False
        self._select = None
        self._textarea = None
        self._done = False

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self._done:
            return
        if tag == "form" and a.get("id") == self.form_id:
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "file", "button", "image"):
                return
            self._add(a["name"], a.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self._add(self._select, a.get("value", ""))
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self._add(self._textarea, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self._in_form:
            self._in_form = False
            self._done = True

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def form_data(html, form_id="post_form"):
    parser = FormParser(form_id)
    parser.feed(html)
    return {k: v if len(v) > 1 else v[0] for k, v in parser.data.items()}
