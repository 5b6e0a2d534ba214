"""Copy files from a local copy of wp-content/uploads into media storage.

Files keep their uploads path under ``wordpress/`` (``2015/01/x.jpg`` becomes
``wordpress/2015/01/x.jpg``), so a re-import finds the file it copied before and copies
nothing. Every file written during a run is remembered, so a failed import can delete them
again: the database rolls back, and storage must not keep orphans.
"""

import hashlib
import html
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files import File
from django.core.files.storage import default_storage

STORAGE_PREFIX = "wordpress"
UPLOADS = "/wp-content/uploads/"
# WordPress names resized copies "photo-300x200.jpg"; the original is "photo.jpg".
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
MAX_NAME = 255  # Post.featured_image's max_length


def relative_upload_path(url: str) -> str:
    """'https://site/wp-content/uploads/2015/01/x.jpg' -> '2015/01/x.jpg' ('' if not an upload)."""
    path = urlsplit(url).path
    if UPLOADS not in path:
        return ""
    return unquote(path.split(UPLOADS, 1)[1])


def _sha256(opened):
    digest = hashlib.sha256()
    for chunk in iter(lambda: opened.read(1024 * 1024), b""):
        digest.update(chunk)
    return digest.hexdigest()


class MediaLibrary:
    def __init__(self, media_dir=None, *, dry_run=False):
        self.root = Path(media_dir).resolve() if media_dir else None
        self.dry_run = dry_run
        self.created = []  # storage names written by this run
        self.conflicts = []  # storage names that exist with other content (kept as they are)
        self._stored = {}  # relative path -> storage name, or None when not found

    def source(self, relpath: str) -> Path | None:
        """The file for an uploads-relative path, only if it is inside --media-dir."""
        if self.root is None or not relpath or "\x00" in relpath:
            return None
        parts = PurePosixPath(relpath.replace("\\", "/")).parts
        if not parts or parts[0] == "/" or ".." in parts:
            return None  # never follow an export out of the uploads folder
        candidate = self.root.joinpath(*parts).resolve()
        if not candidate.is_relative_to(self.root) or not candidate.is_file():
            return None
        return candidate

    def store(self, relpath: str) -> str | None:
        """Copy the upload into storage (once) and return its storage name, or None if missing."""
        relpath = relpath.lstrip("/")
        if relpath in self._stored:
            return self._stored[relpath]
        name = None
        src = self.source(relpath)
        if src is not None:
            name = f"{STORAGE_PREFIX}/{PurePosixPath(*src.relative_to(self.root).parts)}"
            if len(name) > MAX_NAME:
                name = None
            elif self.dry_run:
                pass  # a dry run reports the name the file would get and writes nothing
            elif not default_storage.exists(name):
                with src.open("rb") as f:
                    name = default_storage.save(name, File(f))
                self.created.append(name)
            elif not self._same_content(name, src):
                # WordPress never reuses an upload's name, so this is someone else's file
                # (or an edited copy): keep it rather than overwrite what the site shows.
                self.conflicts.append(name)
        self._stored[relpath] = name
        return name

    @staticmethod
    def _same_content(name, src):
        if default_storage.size(name) != src.stat().st_size:
            return False
        with default_storage.open(name, "rb") as stored, src.open("rb") as original:
            return _sha256(stored) == _sha256(original)

    def url_for(self, relpath: str) -> str | None:
        """The new URL for an uploads path; a resized copy maps to its original when we have it."""
        original = SIZE_SUFFIX.sub("", relpath)
        for candidate in dict.fromkeys((original, relpath)):
            name = self.store(candidate)
            if name:
                return default_storage.url(name)
        return None

    def discard_created(self):
        """Delete the files this run wrote (the import failed and the database rolled back)."""
        for name in self.created:
            default_storage.delete(name)
        self.created = []


def uploads_pattern(site_urls):
    """A regex for links to the old site's uploads: absolute, protocol-relative or root-relative.

    Group "rel" is the path inside wp-content/uploads. Other sites' uploads are left alone.
    """
    hosts, prefixes = set(), {""}
    for url in site_urls:
        parts = urlsplit(url or "")
        if parts.hostname:
            hosts.add(re.escape(parts.hostname.lower().removeprefix("www.")))
            prefixes.add(re.escape(parts.path.rstrip("/")))
    host = "|".join(sorted(hosts))
    absolute = rf"(?:https?:)?//(?:www\.)?(?:{host})(?::\d+)?" if hosts else r"(?!)"
    prefix = "|".join(sorted(prefixes, key=len, reverse=True))
    return re.compile(
        rf"(?:{absolute}|(?<=[\"'(=\s]))(?:{prefix})/wp-content/uploads/(?P<rel>[^\s\"'<>?#)]+)",
        re.IGNORECASE,
    )


def rewrite_upload_urls(text, pattern, media):
    """Point links to old uploads at the copied files; return (text, paths not found)."""
    missing = []

    def replace(match):
        rel = unquote(html.unescape(match.group("rel")))
        url = media.url_for(rel)
        if url is None:
            missing.append(rel)
            return match.group(0)
        return url

    return pattern.sub(replace, text), missing
