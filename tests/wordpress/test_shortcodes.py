from wordpress.content import convert_body
from wordpress.shortcodes import convert_captions, parse_attributes, unknown_shortcodes


def test_caption_becomes_figure_with_figcaption_and_keeps_the_link():
    text = (
        '[caption id="attachment_6" align="alignright" width="300"]'
        '<a href="/big.jpg"><img src="/small.jpg" alt="A van" width="300" /></a>'
        " The outreach van[/caption]"
    )
    assert convert_captions(text) == (
        '<figure class="image image-style-block-align-right"><a href="/big.jpg">'
        '<img src="/small.jpg" alt="A van" width="300" /></a>'
        "<figcaption>The outreach van</figcaption></figure>"
    )


def test_old_style_caption_attribute_and_left_alignment():
    text = '[caption align="alignleft" caption="Old style"]<img src="a.jpg" />[/caption]'
    assert convert_captions(text) == (
        '<figure class="image image-style-block-align-left"><img src="a.jpg" />'
        "<figcaption>Old style</figcaption></figure>"
    )


def test_caption_without_text_leaves_just_the_image():
    assert convert_captions('[caption width="10"]<img src="a.jpg" />[/caption]') == (
        '<img src="a.jpg" />'
    )


def test_escaped_caption_is_written_out_literally():
    literal = "[caption]Not a figure[/caption]"
    assert convert_captions(f"[{literal}]") == literal


def test_unknown_shortcodes_are_counted_but_prose_brackets_are_not():
    text = (
        '[gallery ids="1,2"] [contact-form-7 id="5" title="Join"] [embed]https://x[/embed] '
        "[gallery] [sic] [1] [Ed.] [[audio]] [caption]<img src=a.jpg> c[/caption]"
    )
    assert unknown_shortcodes(text) == {"gallery": 2, "contact-form-7": 1, "embed": 1}


def test_attributes_in_every_quoting_style():
    assert parse_attributes(" id=\"a b\" Width='30' align=left flag") == {
        "id": "a b",
        "width": "30",
        "align": "left",
    }


def test_body_keeps_unknown_shortcodes_as_text_and_reports_them():
    body, unknown = convert_body('Join us.\n\n[contact-form-7 id="5"]')
    assert body == '<p>Join us.</p>\n<p>[contact-form-7 id="5"]</p>'
    assert unknown == {"contact-form-7": 1}


def test_more_break_is_kept_outside_paragraphs_and_custom_text_dropped():
    body, _ = convert_body("Teaser line.\n<!--more Read on-->\nThe rest.")
    assert body == "<p>Teaser line.</p><!--more--><p>The rest.</p>"


def test_block_editor_posts_are_not_paragraphed_again():
    text = "<!-- wp:paragraph -->\n<p>One\ntwo</p>\n<!-- /wp:paragraph -->"
    body, _ = convert_body(text)
    assert "<br" not in body
    assert "<p>One\ntwo</p>" in body
