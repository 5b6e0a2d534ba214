"""Stream a WordPress export (WXR) file, one author, term or item at a time.

The parser is defusedxml's: a file that declares entities (the "billion laughs" bomb) or
refers to external ones (XXE) is refused before anything is expanded or fetched. Each
``<item>`` is turned into plain data as soon as it ends and then dropped from the tree, so
memory stays the size of one item however large the export is.

Every problem with the file itself is raised as :class:`WXRError`, a one-line message with
the line and column where the parser stopped.
"""

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError, TreeBuilder

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser, iterparse

WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/(\d+\.\d+)/$")
SUPPORTED_VERSIONS = {"1.0", "1.1", "1.2"}
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
CHUNK = 64 * 1024


class WXRError(Exception):
    """The file cannot be imported: not XML, not a WordPress export, unsafe or cut short."""


@dataclass
class Site:
    version: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""


@dataclass
class Author:
    wp_id: int | None
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclass
class Term:
    kind: str  # "category" or "tag"
    wp_id: int | None
    slug: str
    name: str
    parent_slug: str = ""
    description: str = ""


@dataclass
class Comment:
    wp_id: int
    author: str
    email: str
    url: str
    date: str
    date_gmt: str
    content: str
    approved: str
    type: str
    parent: int


@dataclass
class Item:
    wp_id: int
    post_type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    comment_status: str = ""
    post_name: str = ""
    status: str = ""
    post_parent: int = 0
    menu_order: int = 0
    is_sticky: bool = False
    password: str = ""
    attachment_url: str = ""
    categories: list = field(default_factory=list)  # (domain, nicename, name)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)


class _CountingFile:
    """Report how many bytes the parser has read, for the progress bar."""

    def __init__(self, fileobj, on_read):
        self.raw = fileobj
        self._on_read = on_read

    def read(self, size=-1):
        data = self.raw.read(CHUNK if size is None or size < 0 else max(size, CHUNK))
        if self._on_read and data:
            self._on_read(len(data))
        return data


class _Builder(TreeBuilder):
    """A tree builder that notes where the document's first element starts.

    iterparse reports events after a whole chunk was parsed, when the parser is already
    further on; an error about the root element must point at the root element.
    """

    expat = None
    root_position = None

    def start(self, tag, attrs):
        if self.root_position is None:
            self.root_position = (self.expat.CurrentLineNumber, self.expat.CurrentColumnNumber + 1)
        return super().start(tag, attrs)


def _int(text, default=0):
    try:
        return int((text or "").strip())
    except ValueError:
        return default


def _children(elem):
    """The simple child elements of elem as {tag: text}."""
    return {child.tag: child.text or "" for child in elem if len(child) == 0}


class WXRReader:
    """Iterate over an export: yields Author, Term and Item records in file order.

    ``site`` holds the channel's version and addresses once they have been read (WordPress
    writes them before the first author).
    """

    def __init__(self, fileobj, *, on_read=None):
        self._file = _CountingFile(fileobj, on_read)
        self._builder = _Builder()
        self._parser = DefusedXMLParser(target=self._builder)
        # Kept here: the parser drops its expat object when the document ends.
        self._expat = self._builder.expat = self._parser.parser
        self.channel = None
        self.site = Site()
        self.wp = ""
        self.excerpt = ""

    def position(self):
        return self._expat.CurrentLineNumber, self._expat.CurrentColumnNumber + 1

    def _fail(self, message, position=None):
        line, column = position or self.position()
        return WXRError(f"{message} (line {line}, column {column})")

    def __iter__(self):
        try:
            yield from self._records()
        except ParseError as exc:
            line, column = exc.position
            raise self._fail(self._parse_error_message(exc), (line, column + 1)) from None
        except EntitiesForbidden as exc:
            source = f" pointing to {exc.sysid}" if exc.sysid else ""
            raise self._fail(
                f"Refused: the file declares the XML entity {exc.name!r}{source}. WordPress "
                "exports never do: this looks like an entity-expansion bomb or an external "
                "entity (XXE) attack"
            ) from None
        except DefusedXmlException as exc:
            raise self._fail(f"Refused: the file refers to external content ({exc})") from None

    def _parse_error_message(self, exc):
        reason = str(exc).split(":")[0]
        if reason == "no element found":
            return "The file ends too early: it is empty or was cut short (truncated)"
        if reason == "not well-formed (invalid token)":
            encoding = self._misencoded_line(exc.position[0])
            if encoding:
                return (
                    f"The file says it is {encoding} but this line is not valid {encoding} "
                    "(was it saved as Latin-1 or Windows-1252?); re-export it or convert it"
                )
        if reason.startswith("unclosed token") or reason == "unclosed CDATA section":
            return f"The file ends too early: it was cut short ({reason})"
        return f"Not a valid XML file: {reason}"

    def _misencoded_line(self, number):
        """The declared encoding, if line `number` of the file cannot be decoded with it."""
        raw_file = self._file.raw
        try:
            raw_file.seek(0)
            declared = re.search(rb"encoding=[\"']([A-Za-z0-9._-]+)[\"']", raw_file.readline(300))
            encoding = declared.group(1).decode("ascii").upper() if declared else "UTF-8"
            raw_file.seek(0)
            for line_number, line in enumerate(raw_file, start=1):
                if line_number == number:
                    line.decode(encoding)
                    return None
        except UnicodeDecodeError:
            return encoding
        except (AttributeError, OSError, LookupError):
            return None
        return None

    def _records(self):
        events = iterparse(self._file, events=("start", "end", "start-ns"), parser=self._parser)
        depth = 0
        channel = None
        in_channel = False
        for event, elem in events:
            if event == "start-ns":
                prefix, uri = elem
                found = WP_NAMESPACE.match(uri)
                if found and not self.wp:
                    self.wp = "{" + uri + "}"
                    self.excerpt = "{" + uri + "excerpt/}"
                    self.site.version = found.group(1)
                continue
            if event == "start":
                depth += 1
                if depth == 1:
                    self._check_root(elem)
                elif depth == 2 and elem.tag == "channel" and channel is None:
                    channel = self.channel = elem
                    in_channel = True
                continue
            # event == "end"
            depth -= 1
            if elem is channel:
                in_channel = False
            if depth != 2 or not in_channel:
                continue
            record = self._channel_child(elem)
            # Drop what has been read, so memory stays one item deep however long the file.
            elem.clear()
            channel.remove(elem)
            if record is not None:
                yield record
        if channel is None:
            raise self._fail("Not a WordPress export: there is no <channel> in the file")

    def _check_root(self, elem):
        if elem.tag != "rss" or not self.wp:
            name = elem.tag.split("}")[-1]
            raise self._fail(
                "Not a WordPress export (WXR): expected an <rss> document using the "
                f"http://wordpress.org/export/1.2/ namespace, found <{name}>",
                self._builder.root_position,
            )

    def _channel_child(self, elem):
        tag = elem.tag
        wp = self.wp
        if tag == "item":
            return self._item(elem)
        if tag == wp + "author":
            values = _children(elem)
            return Author(
                wp_id=_int(values.get(wp + "author_id"), None),
                login=values.get(wp + "author_login", "").strip(),
                email=values.get(wp + "author_email", "").strip(),
                display_name=values.get(wp + "author_display_name", "").strip(),
                first_name=values.get(wp + "author_first_name", "").strip(),
                last_name=values.get(wp + "author_last_name", "").strip(),
            )
        if tag == wp + "category":
            values = _children(elem)
            return Term(
                kind="category",
                wp_id=_int(values.get(wp + "term_id"), None),
                slug=values.get(wp + "category_nicename", "").strip(),
                name=values.get(wp + "cat_name", "").strip(),
                parent_slug=values.get(wp + "category_parent", "").strip(),
                description=values.get(wp + "category_description", "").strip(),
            )
        if tag == wp + "tag":
            values = _children(elem)
            return Term(
                kind="tag",
                wp_id=_int(values.get(wp + "term_id"), None),
                slug=values.get(wp + "tag_slug", "").strip(),
                name=values.get(wp + "tag_name", "").strip(),
                description=values.get(wp + "tag_description", "").strip(),
            )
        if tag == wp + "wxr_version":
            self.site.version = (elem.text or "").strip() or self.site.version
        elif tag == wp + "base_site_url":
            self.site.base_site_url = (elem.text or "").strip()
        elif tag == wp + "base_blog_url":
            self.site.base_blog_url = (elem.text or "").strip()
        elif tag == "link":
            self.site.link = (elem.text or "").strip()
        return None

    def _item(self, elem):
        wp = self.wp
        values = {}
        item = Item(wp_id=0, post_type="")
        for child in elem:
            tag = child.tag
            if tag == "category":
                item.categories.append(
                    (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
                )
            elif tag == wp + "postmeta":
                meta = _children(child)
                item.meta[meta.get(wp + "meta_key", "")] = meta.get(wp + "meta_value", "")
            elif tag == wp + "comment":
                item.comments.append(self._comment(child))
            else:
                values[tag] = child.text or ""
        item.wp_id = _int(values.get(wp + "post_id"))
        item.post_type = values.get(wp + "post_type", "").strip()
        item.title = values.get("title", "")
        item.link = values.get("link", "").strip()
        item.guid = values.get("guid", "").strip()
        item.creator = values.get(DC + "creator", "").strip()
        item.content = values.get(CONTENT + "encoded", "")
        item.excerpt = values.get(self.excerpt + "encoded", "")
        item.post_date = values.get(wp + "post_date", "").strip()
        item.post_date_gmt = values.get(wp + "post_date_gmt", "").strip()
        item.comment_status = values.get(wp + "comment_status", "").strip()
        item.post_name = values.get(wp + "post_name", "").strip()
        item.status = values.get(wp + "status", "").strip()
        item.post_parent = _int(values.get(wp + "post_parent"))
        item.menu_order = _int(values.get(wp + "menu_order"))
        item.is_sticky = values.get(wp + "is_sticky", "").strip() == "1"
        item.password = values.get(wp + "post_password", "")
        item.attachment_url = values.get(wp + "attachment_url", "").strip()
        return item

    def _comment(self, elem):
        wp = self.wp
        values = _children(elem)
        return Comment(
            wp_id=_int(values.get(wp + "comment_id")),
            author=values.get(wp + "comment_author", "").strip(),
            email=values.get(wp + "comment_author_email", "").strip(),
            url=values.get(wp + "comment_author_url", "").strip(),
            date=values.get(wp + "comment_date", "").strip(),
            date_gmt=values.get(wp + "comment_date_gmt", "").strip(),
            content=values.get(wp + "comment_content", ""),
            approved=values.get(wp + "comment_approved", "").strip(),
            type=values.get(wp + "comment_type", "").strip(),
            parent=_int(values.get(wp + "comment_parent")),
        )
