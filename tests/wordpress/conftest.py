import io
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

FILES = Path(__file__).parent / "files"


def export(name):
    """A test export by name (or any path, which FILES / path leaves as it is)."""
    return str(FILES / name)


def run_import(name, *args):
    """Run the command on a test export; return what it printed."""
    out = io.StringIO()
    call_command("import_wordpress", export(name), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def media_dir(tmp_path):
    """A local copy of wp-content/uploads holding the files site_1_2.xml refers to."""
    root = tmp_path / "uploads"
    folder = root / "2015" / "01"
    folder.mkdir(parents=True)
    for name, size in (
        ("global-state.jpg", (600, 400)),
        ("global-state-300x200.jpg", (300, 200)),
        ("treatment.jpg", (400, 300)),
    ):
        Image.new("RGB", size, "teal").save(folder / name, "JPEG")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 a test report\n")
    return root
