import io

import pytest
from django.core.management import call_command

from tests.wordpress.conftest import export

pytestmark = pytest.mark.django_db


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal(capsys):
    call_command("import_wordpress", export("site_1_1.xml"), stdout=io.StringIO())
    assert "B/s" not in capsys.readouterr().out
    call_command("import_wordpress", export("site_1_1.xml"), stdout=Terminal())
    assert "B/s" in capsys.readouterr().out


def test_summary_is_printed_after_the_bar():
    out = Terminal()
    call_command("import_wordpress", export("site_1_1.xml"), stdout=out)
    assert out.getvalue().startswith("WordPress import\n")
