"""wordpress.autop.wpautop behaves as WordPress's wpautop() for the cases posts contain."""

from wordpress.autop import wpautop


def test_blank_lines_make_paragraphs_and_single_newlines_make_breaks():
    text = "Peer support works.\nIt saves lives.\n\nNaloxone too."
    assert wpautop(text) == (
        "<p>Peer support works.<br />\nIt saves lives.</p>\n<p>Naloxone too.</p>\n"
    )


def test_several_blank_lines_and_crlf_count_as_one_gap():
    assert wpautop("One\r\n\r\n\r\n\r\nTwo") == "<p>One</p>\n<p>Two</p>\n"


def test_empty_or_blank_text_gives_nothing():
    assert wpautop("") == ""
    assert wpautop(" \n\n\t") == ""


def test_block_elements_are_not_wrapped_in_paragraphs():
    text = "Intro\n<h2>Findings</h2>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\nOutro"
    assert wpautop(text) == (
        "<p>Intro</p>\n<h2>Findings</h2>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n<p>Outro</p>\n"
    )


def test_blockquote_gets_its_paragraphs_inside():
    assert wpautop("<blockquote>Nothing about us\n\nwithout us</blockquote>") == (
        "<blockquote><p>Nothing about us</p>\n<p>without us</p></blockquote>\n"
    )


def test_preformatted_text_is_left_exactly_as_written():
    code = "line one\n\nline two<br />\n  indented"
    assert wpautop(f"Before\n\n<pre>{code}</pre>\n\nAfter") == (
        f"<p>Before</p>\n<pre>{code}</pre>\n<p>After</p>\n"
    )


def test_newlines_inside_a_tag_are_not_breaks():
    assert wpautop('A <a\nhref="/x">link</a> here') == '<p>A <a\nhref="/x">link</a> here</p>\n'


def test_double_br_becomes_a_paragraph_gap():
    assert wpautop("One<br><br/>Two") == "<p>One</p>\n<p>Two</p>\n"


def test_inline_form_controls_get_no_extra_breaks():
    text = (
        'Pick: <select name="c"><option value="1">One</option>'
        '<option value="2">Two</option></select>'
    )
    assert wpautop(text) == f"<p>{text}</p>\n"


def test_figure_and_figcaption_stay_together():
    html = '<figure class="image"><img src="a.jpg" alt="" />\n<figcaption>Art</figcaption></figure>'
    assert wpautop(html + "\nText") == (
        '<figure class="image"><img src="a.jpg" alt="" /><figcaption>Art</figcaption></figure>\n'
        "<p>Text</p>\n"
    )


def test_a_no_break_space_is_content_not_a_gap():
    # PHP's \s does not match U+00A0, so a line holding only &nbsp; keeps its place.
    assert wpautop("One\n\u00a0\nTwo") == "<p>One<br />\n\u00a0<br />\nTwo</p>\n"


def test_without_br_single_newlines_stay_newlines():
    assert wpautop("One\nTwo", br=False) == "<p>One\nTwo</p>\n"
