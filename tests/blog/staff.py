"""Helpers for staff-side tests: users in roles, image files, admin form data."""

import io
import struct
import zlib
from html.parser import HTMLParser

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.blog.factories import make_author, make_user

GPS_IFD = 0x8825


def make_staff(role=None, *, author=True, perms=(), **kwargs):
    """A staff user in the named group (Author, Editor, Moderator), with an author profile."""
    kwargs.setdefault("first_name", "Sam")
    kwargs.setdefault("last_name", "Writer")
    user = make_user(is_staff=True, **kwargs)
    if role:
        user.groups.add(Group.objects.get(name=role))
    for dotted in perms:
        app_label, codename = dotted.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    if author:
        make_author(user=user)
    return user


def image_bytes(fmt="JPEG", size=(2000, 1200), mode="RGB", color="#6b1d5e", exif=None):
    image = Image.new(mode, size, color)
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def gps_exif(orientation=None):
    """EXIF with a GPS position (and optionally an orientation), like a phone photo."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (51.0, 30.0, 0.0)
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 0.0)
    if orientation:
        exif[0x0112] = orientation
    return exif


def uploaded_image(name="photo.jpg", **kwargs):
    fmt = kwargs.pop("fmt", "JPEG")
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}.get(fmt, "application/octet-stream")
    return SimpleUploadedFile(name, image_bytes(fmt, **kwargs), content_type=content_type)


def fake_file(name, content):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def png_bomb(width=100_000, height=100_000):
    """A tiny PNG that claims to be width × height pixels: a decompression bomb."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def post_form_data(**overrides):
    """The fields the post admin form submits, with sensible defaults."""
    data = {
        "title": "A new post",
        "slug": "a-new-post",
        "status": "draft",
        "publish_at_0": "2025-01-10",
        "publish_at_1": "10:00:00",
        "excerpt": "",
        "body": "<p>Peer-led harm reduction.</p>",
        "featured_image_alt": "",
        "featured_image_credit": "",
        "featured_image_credit_url": "",
        "new_tags": "",
        "allow_comments": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


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
