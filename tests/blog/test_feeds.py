import io
import re
from datetime import UTC, timedelta

import feedparser
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from blog.models import Post
from tests.blog.factories import make_author, make_category, make_post, make_user

pytestmark = pytest.mark.django_db

SITE_FEEDS = [("/feed/", "rss20"), ("/feed/atom/", "atom10")]


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url}: {feed.get('bozo_exception')}"
    return response, feed


def titles(feed):
    return [entry.title for entry in feed.entries]


def as_utc_tuple(moment):
    return tuple(moment.astimezone(UTC).timetuple())[:6]


@pytest.mark.parametrize(("url", "version"), SITE_FEEDS)
def test_site_feed_is_valid_and_lists_published_posts(client, url, version):
    make_post(title="Peer-led news")
    response, feed = fetch(client, url)
    assert feed.version == version
    assert feed.feed.title == settings.SITE_NAME
    assert feed.feed.link == settings.SITE_URL + "/"
    assert titles(feed) == ["Peer-led news"]
    kind = "rss" if version == "rss20" else "atom"
    assert response["Content-Type"].startswith(f"application/{kind}+xml")


@pytest.mark.parametrize(("url", "version"), SITE_FEEDS)
def test_feed_item_has_link_guid_dates_author_and_categories(client, url, version):
    author = make_author(display_name="Maria Peer")
    parent = make_category(name="Europe")
    child = make_category(name="Eastern European Countries", parent=parent)
    post = make_post(
        title="Harm reduction in Europe",
        author=author,
        categories=[parent, child],
        tags=["naloxone", "peer support"],
        publish_at=timezone.now() - timedelta(days=3),
    )
    _, feed = fetch(client, url)
    (entry,) = feed.entries
    permalink = settings.SITE_URL + post.get_absolute_url()
    assert entry.link == permalink
    assert entry.id == permalink
    assert entry.published_parsed[:6] == as_utc_tuple(post.publish_at)
    if version == "atom10":  # RSS 2.0 has no element for the update time
        assert entry.updated_parsed[:6] == as_utc_tuple(post.updated_at)
    assert entry.author == "Maria Peer"
    assert {tag.term for tag in entry.tags} == {
        "Europe",
        "Eastern European Countries",
        "naloxone",
        "peer support",
    }


@pytest.mark.parametrize(("url", "version"), SITE_FEEDS)
def test_titles_with_special_characters_read_correctly(client, url, version):
    make_post(title="Drugs & rights: <the> debate")
    _, feed = fetch(client, url)
    assert titles(feed) == ["Drugs & rights: <the> debate"]


def test_feeds_never_show_author_emails_or_usernames(client):
    user = make_user(username="secret-login", email="private.person@example.org")
    author = make_author(user=user, display_name="Public Name")
    category = make_category(slug="campaigns")
    make_post(author=author, categories=[category], tags=["hiv"])
    urls = [
        "/feed/",
        "/feed/atom/",
        "/category/campaigns/feed/",
        "/category/campaigns/feed/atom/",
        "/tag/hiv/feed/",
        "/tag/hiv/feed/atom/",
    ]
    for url in urls:
        response, feed = fetch(client, url)
        text = response.content.decode()
        assert "private.person@example.org" not in text, url
        assert "secret-login" not in text, url
        assert "@" not in text, url
        assert feed.entries[0].author == "Public Name"
        assert "email" not in feed.entries[0].get("author_detail", {})


@pytest.mark.parametrize(("url", "version"), SITE_FEEDS)
def test_drafts_and_scheduled_posts_stay_out_of_feeds(client, url, version):
    make_post(title="Out now")
    make_post(title="Still a draft", status=Post.Status.DRAFT)
    make_post(title="Scheduled", publish_at=timezone.now() + timedelta(hours=1))
    _, feed = fetch(client, url)
    assert titles(feed) == ["Out now"]


@pytest.mark.parametrize(("url", "version"), SITE_FEEDS)
def test_feed_has_the_twenty_newest_posts_newest_first(client, url, version):
    author = make_author()
    now = timezone.now()
    for day in range(25):
        make_post(title=f"Day {day}", author=author, publish_at=now - timedelta(days=day))
    _, feed = fetch(client, url)
    assert titles(feed) == [f"Day {day}" for day in range(20)]


@pytest.mark.parametrize(("url", "version"), SITE_FEEDS)
def test_description_is_the_excerpt_when_there_is_one(client, url, version):
    make_post(excerpt="Short & sweet summary.", body="<p>The whole long body.</p>")
    _, feed = fetch(client, url)
    assert feed.entries[0].summary == "<p>Short &amp; sweet summary.</p>"


@pytest.mark.parametrize(("url", "version"), SITE_FEEDS)
def test_description_stops_at_the_more_break(client, url, version):
    make_post(body="<p>Before the break.</p><!--more--><p>After the break.</p>")
    _, feed = fetch(client, url)
    assert "Before the break." in feed.entries[0].summary
    assert "After the break." not in feed.entries[0].summary


@pytest.mark.parametrize(("url", "version"), SITE_FEEDS)
def test_description_of_a_long_post_is_its_truncated_start(client, url, version):
    words = " ".join(f"word{n}" for n in range(200))
    make_post(body=f"<p>{words}</p>")
    _, feed = fetch(client, url)
    summary = feed.entries[0].summary
    assert "word0 " in summary
    assert "word54" in summary
    assert "word55" not in summary
    assert summary.endswith("</p>")


def test_rss_carries_the_full_sanitised_body_with_absolute_links(client):
    make_post(
        body='<p>Intro</p><!--more--><p>Rest <a href="/about/">us</a>'
        '<img src="/media/a.png" alt="x"></p><script>alert(1)</script>'
    )
    _, feed = fetch(client, "/feed/")
    content = feed.entries[0].content[0].value
    assert "Intro" in content
    assert "Rest" in content
    assert "<script" not in content
    assert f'href="{settings.SITE_URL}/about/"' in content
    assert f'src="{settings.SITE_URL}/media/a.png"' in content


def jpeg_upload():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "purple").save(buffer, "JPEG")
    return SimpleUploadedFile("square.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.parametrize(("url", "version"), SITE_FEEDS)
def test_featured_image_is_an_enclosure(client, url, version):
    post = make_post(featured_image=jpeg_upload(), featured_image_alt="A purple square")
    make_post(title="No picture")
    _, feed = fetch(client, url)
    by_title = {entry.title: entry for entry in feed.entries}
    (enclosure,) = by_title[post.title].enclosures
    assert enclosure.href == settings.SITE_URL + post.featured_image.url
    assert enclosure.type == "image/jpeg"
    assert enclosure.length == str(post.featured_image.size)
    assert by_title["No picture"].enclosures == []


@pytest.mark.parametrize("suffix", ["feed/", "feed/atom/"])
def test_category_feed_includes_posts_of_child_categories_once(client, suffix):
    region = make_category(name="Regional Information", slug="regional-information")
    europe = make_category(name="Europe", parent=region)
    east = make_category(name="Eastern European Countries", parent=europe)
    other = make_category(name="Research")
    now = timezone.now()
    make_post(title="Regional", categories=[region], publish_at=now - timedelta(days=1))
    make_post(title="In two", categories=[europe, east], publish_at=now - timedelta(days=2))
    make_post(title="Grandchild", categories=[east], publish_at=now - timedelta(days=3))
    make_post(title="Elsewhere", categories=[other])
    make_post(title="Draft", categories=[east], status=Post.Status.DRAFT)
    _, feed = fetch(client, f"/category/regional-information/{suffix}")
    assert titles(feed) == ["Regional", "In two", "Grandchild"]
    assert feed.feed.title == f"{settings.SITE_NAME}: posts in Regional Information"
    assert feed.feed.link == settings.SITE_URL + region.get_absolute_url()


@pytest.mark.parametrize("suffix", ["feed/", "feed/atom/"])
def test_tag_feed_lists_only_posts_with_that_tag(client, suffix):
    make_post(title="Tagged", tags=["methadone"])
    make_post(title="Untagged", tags=["hepatitis c"])
    make_post(title="Tagged draft", tags=["methadone"], status=Post.Status.DRAFT)
    _, feed = fetch(client, f"/tag/methadone/{suffix}")
    assert titles(feed) == ["Tagged"]
    assert feed.feed.title == f"{settings.SITE_NAME}: posts tagged methadone"


@pytest.mark.parametrize(
    "url",
    [
        "/category/nope/feed/",
        "/category/nope/feed/atom/",
        "/tag/nope/feed/",
        "/tag/nope/feed/atom/",
        "/category/bad%00slug/feed/",
    ],
)
def test_unknown_category_or_tag_feed_is_404(client, url):
    make_category(slug="known")
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/feed/",
        "/feed/atom/",
        "/category/region/feed/",
        "/category/region/feed/atom/",
        "/tag/tag-0/feed/",
        "/tag/tag-0/feed/atom/",
    ],
)
def test_feeds_make_a_constant_number_of_queries(client, url, django_assert_max_num_queries):
    region = make_category(name="Region", slug="region")
    categories = [make_category(parent=region) for _ in range(6)]
    authors = [make_author() for _ in range(5)]
    for n in range(120):
        make_post(
            author=authors[n % 5],
            categories=[categories[n % 6], categories[(n + 1) % 6], categories[(n + 2) % 6]],
            tags=["tag-0", f"tag-{n % 7 + 1}", f"tag-{n % 5 + 8}"],
        )
    fetch(client, url)  # warm the per-process caches (site, content types)
    with django_assert_max_num_queries(5):
        _, feed = fetch(client, url)
    assert len(feed.entries) == 20
    assert all(len(entry.tags) == 6 for entry in feed.entries)


@pytest.mark.parametrize("suffix", ["feed/", "feed/atom/"])
def test_feed_of_an_empty_category_is_valid_and_empty(client, suffix):
    make_category(slug="empty", description="Nothing yet.")
    _, feed = fetch(client, f"/category/empty/{suffix}")
    assert feed.entries == []
    assert feed.feed.get("subtitle") == "Nothing yet."


@pytest.mark.parametrize("suffix", ["feed/", "feed/atom/"])
def test_feed_description_is_plain_text_in_rss_and_atom(client, suffix):
    """RSS readers render a channel <description> as HTML: markup in it is text, not tags."""
    make_category(slug="rights", description='Drugs & rights <script>alert("x")</script>')
    response, feed = fetch(client, f"/category/rights/{suffix}")
    assert "<script" not in response.content.decode()
    # feedparser sanitises HTML as readers do: a real <script> element would vanish whole.
    assert "alert" in feed.feed.subtitle


FEED_LINK = re.compile(r'<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)">')


def test_pages_advertise_feeds_that_work(client):
    category = make_category(slug="women")
    make_post(categories=[category], tags=["peer support"])
    expected = {
        "/": ["/feed/", "/feed/atom/"],
        "/category/women/": ["/category/women/feed/"],
        "/tag/peer-support/": ["/tag/peer-support/feed/"],
    }
    for page, feeds in expected.items():
        html = client.get(page).text
        links = re.findall(
            r'<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)">', html
        )
        hrefs = [href for _, href in links]
        assert all(feed in hrefs for feed in feeds), (page, hrefs)
        for mime_type, href in links:
            response, _ = fetch(client, href)
            assert response["Content-Type"].startswith(mime_type)
