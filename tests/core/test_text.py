import pytest
from django.core.exceptions import ValidationError

from core.text import reject_unreadable, validate_visible_line


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Ana\ufffd", "encoding"),
        ("Ana\x00", "control"),
        ("Ana\x1b[31m", "control"),
        ("Ana\ngnp", "control"),
        ("Ana\u202egnp.exe", "bidi"),
        ("\u202dAna", "bidi"),
        ("Ana\u2066x\u2069", "bidi"),
    ],
)
def test_names_refuse_what_would_hide_or_disguise_them(value, code):
    with pytest.raises(ValidationError) as caught:
        validate_visible_line(value)
    assert caught.value.code == code


@pytest.mark.parametrize("value", ["Ana Peer", "José Ñandú", "مريم\u200f Peer", "李雷", "O'Brien"])
def test_real_names_pass(value):
    validate_visible_line(value)


def test_text_may_allow_line_breaks():
    reject_unreadable("one\ntwo", {"\n"})
