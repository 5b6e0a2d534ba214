"""Compiled translation catalogues without GNU gettext: ``python -m core.catalogues``.

Django reads ``locale/<code>/LC_MESSAGES/django.mo``; only the ``.po`` files are kept in git.
This writes each ``.mo`` with polib (pure Python) whenever its ``.po`` is newer, so a machine
with only python3 and make has the translations (``make install`` runs it, as does the test
suite at start-up and a deploy after ``pip install``). Extracting messages again is a
developer's task and does need GNU gettext: ``make messages``.
"""

import sys
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = BASE_DIR / "locale"


def catalogues(locale_dir=LOCALE_DIR):
    return sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))


def compile_catalogues(locale_dir=LOCALE_DIR, *, force=False):
    """Write every stale .mo file; returns the ones written."""
    written = []
    for po_path in catalogues(locale_dir):
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        # Fuzzy entries are left out, as msgfmt does: a guess is not a translation.
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_catalogues(force="--force" in sys.argv):
        print(f"compiled {path.relative_to(BASE_DIR)}")
