"""The streaming reader on its own: records in file order, nothing kept once read."""

import io

import pytest

from bench.wordpress_import import write_export
from tests.wordpress.conftest import FILES
from wordpress.wxr import Author, Item, Term, WXRError, WXRReader


def read(data):
    return list(WXRReader(io.BytesIO(data)))


def test_records_come_in_file_order_with_their_details():
    with (FILES / "site_1_2.xml").open("rb") as f:
        reader = WXRReader(f)
        records = list(reader)
    assert reader.site.version == "1.2"
    assert reader.site.base_site_url == "https://inpud.example.org"
    assert [type(r) for r in records[:3]] == [Author, Author, Author]
    assert [r.slug for r in records if isinstance(r, Term)][:2] == [
        "eastern-european-countries",
        "europe",
    ]
    first = next(r for r in records if isinstance(r, Item))
    assert (first.wp_id, first.post_type, first.is_sticky) == (101, "post", True)
    assert first.meta["_thumbnail_id"] == "201"
    assert [c.wp_id for c in first.comments] == [1001, 1003, 1002, 1004, 1005, 1006, 1007, 1008]
    assert ("post_tag", "naloxone", "naloxone") in first.categories


def test_items_are_dropped_from_the_tree_once_read(tmp_path):
    path = tmp_path / "export.xml"
    with path.open("w", encoding="utf-8") as f:
        write_export(f, posts=300, first_id=1)  # 1.7 MB, many parser chunks
    items, most_held = 0, 0
    with path.open("rb") as f:
        reader = WXRReader(f)
        for record in reader:
            if isinstance(record, Item):
                items += 1
                most_held = max(most_held, len(reader.channel))
    assert items == 300
    # Only what the parser read ahead in its current 64 KB chunk is ever in memory
    # (an item here is about 5 KB).
    assert most_held < 20
    assert len(reader.channel) == 0


def test_elements_after_the_channel_are_ignored():
    data = (
        (FILES / "site_1_1.xml")
        .read_bytes()
        .replace(b"</channel>", b"</channel><extra><item>not an item</item></extra>")
    )
    items = [r for r in read(data) if isinstance(r, Item)]
    assert [i.wp_id for i in items] == [12]


def test_document_without_channel_is_not_an_export():
    data = b'<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"></rss>'
    with pytest.raises(WXRError, match="there is no <channel>"):
        read(data)
