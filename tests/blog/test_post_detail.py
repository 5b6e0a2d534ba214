"""The post page: content, meta tags, neighbours, related posts, permalinks and previews."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from blog.models import Post
from tests.blog.factories import make_author, make_category, make_editor, make_post, make_user
from tests.comments.factories import add_comments
from tests.core.factories import image_file

pytestmark = pytest.mark.django_db


def at(*parts):
    return timezone.make_aware(datetime(*parts))


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = "https://inpud.example"
    return settings.SITE_URL


def test_post_page_shows_the_full_body_author_date_and_footer(client):
    campaigns = make_category(name="Campaigns", slug="campaigns")
    author = make_author(display_name="INPUD Secretariat", slug="inpud-secretariat")
    post = make_post(
        title="Drug User Peace Initiative launched",
        author=author,
        publish_at=at(2015, 1, 17, 10),
        body="<p>Before.</p><!--more--><h2>After the break</h2><p>The rest.</p>",
        categories=[campaigns],
        tags=["peace"],
    )
    add_comments(post, 1)
    text = client.get(post.get_absolute_url()).text
    assert "<h1>Drug User Peace Initiative launched</h1>" in text
    assert "<h2>After the break</h2>" in text
    assert "The rest." in text
    assert '<time datetime="2015-01-17T10:00:00+00:00">17 January 2015</time>' in text
    assert 'href="/author/inpud-secretariat/" rel="author">INPUD Secretariat</a>' in text
    assert 'Posted in <a href="/category/campaigns/">Campaigns</a>' in text
    assert 'Tagged <a href="/tag/peace/" rel="tag">peace</a>' in text
    assert "1 Comment</a>" in text


def test_post_page_shows_the_featured_image_with_linked_credit(client):
    post = make_post(
        featured_image_alt="A painting of hands",
        featured_image_credit="iloveaks",
        featured_image_credit_url="https://artist.example/",
    )
    post.featured_image.save("hands.jpg", image_file(size=(1200, 675)))
    text = client.get(post.get_absolute_url()).text
    figure = text[text.index('<figure class="featured-image') : text.index("</figure>")]
    assert 'alt="A painting of hands"' in figure
    assert 'srcset="' in figure and 'loading="eager"' in figure
    assert 'width="960" height="540"' in figure
    assert '<a href="https://artist.example/" rel="nofollow noopener">iloveaks</a>' in figure


def test_post_page_has_canonical_opengraph_and_twitter_meta(client, site_url):
    post = make_post(
        title="The lives behind the diagnosis",
        excerpt="To tell or not to tell?",
        featured_image_alt="Two people talking",
    )
    post.featured_image.save("talk.jpg", image_file())
    text = client.get(post.get_absolute_url()).text
    url = f"{site_url}{post.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in text
    assert f'<meta property="og:url" content="{url}">' in text
    assert '<meta property="og:title" content="The lives behind the diagnosis">' in text
    assert '<meta property="og:description" content="To tell or not to tell?">' in text
    assert '<meta property="og:type" content="article">' in text
    image_url = f"{site_url}{post.featured_image.url}"
    assert f'<meta property="og:image" content="{image_url}">' in text
    assert '<meta name="twitter:card" content="summary_large_image">' in text
    assert '<meta name="twitter:image:alt" content="Two people talking">' in text
    assert 'name="robots"' not in text


def test_post_without_image_gets_a_summary_card_and_no_og_image(client, site_url):
    post = make_post(body="<p>Only words here.</p><p>And &quot;here&quot;.</p>")
    text = client.get(post.get_absolute_url()).text
    assert '<meta name="twitter:card" content="summary">' in text
    assert "og:image" not in text
    summary = "Only words here. And &quot;here&quot;."
    assert f'<meta property="og:description" content="{summary}">' in text
    assert f'<meta name="description" content="{summary}">' in text


def test_previous_and_next_links_skip_unpublished_posts(client):
    older = make_post(title="Older one", publish_at=at(2015, 1, 1))
    make_post(title="Draft between", publish_at=at(2015, 1, 5), status=Post.Status.DRAFT)
    middle = make_post(title="Middle one", publish_at=at(2015, 1, 10))
    newer = make_post(title="Newer one", publish_at=at(2015, 1, 20))
    make_post(title="Scheduled one", publish_at=timezone.now() + timedelta(days=3))
    text = client.get(middle.get_absolute_url()).text
    assert f'<a href="{older.get_absolute_url()}" rel="prev">Older one</a>' in text
    assert f'<a href="{newer.get_absolute_url()}" rel="next">Newer one</a>' in text
    assert "Draft between" not in text
    newest = client.get(newer.get_absolute_url()).text
    assert 'rel="next"' not in newest
    assert "Scheduled one" not in newest


def test_neighbours_with_the_same_publish_time_are_ordered_by_id(client):
    when = at(2015, 1, 10, 12)
    first = make_post(title="First of twins", publish_at=when)
    second = make_post(title="Second of twins", publish_at=when)
    text = client.get(second.get_absolute_url()).text
    assert f'<a href="{first.get_absolute_url()}" rel="prev">First of twins</a>' in text


def test_related_posts_share_tags_most_shared_first(client):
    post = make_post(title="About naloxone", tags=["naloxone", "overdose", "peers"])
    make_post(title="Shares one", tags=["peers"], publish_at=timezone.now() - timedelta(hours=1))
    make_post(title="Shares two", tags=["naloxone", "overdose"], publish_at=at(2014, 1, 1))
    make_post(title="Shares none", tags=["funding"])
    make_post(title="Draft that shares", tags=["naloxone"], status=Post.Status.DRAFT)
    text = client.get(post.get_absolute_url()).text
    related = text[text.index('id="related-heading"') : text.index("</section>")]
    assert related.index("Shares two") < related.index("Shares one")
    assert "Shares none" not in related
    assert "Draft that shares" not in related
    assert "About naloxone" not in related


def test_post_without_tags_has_no_related_section(client):
    post = make_post()
    assert "Related posts" not in client.get(post.get_absolute_url()).text


def test_wrong_date_in_the_address_redirects_to_the_real_one(client):
    make_post(slug="peace-launch", publish_at=at(2015, 1, 17, 10))
    response = client.get("/2014/02/03/peace-launch/")
    assert response.status_code == 301
    assert response["Location"] == "/2015/01/17/peace-launch/"


@pytest.mark.parametrize(
    "url",
    [
        "/2015/01/17/no-such-post/",
        "/2015/13/17/peace-launch/",
        "/2015/01/32/peace-launch/",
        "/15/01/17/peace-launch/",
    ],
)
def test_unknown_post_or_impossible_date_is_404(client, url):
    make_post(slug="peace-launch", publish_at=at(2015, 1, 17, 10))
    assert client.get(url).status_code == 404


@pytest.fixture
def draft():
    return make_post(title="Work in progress", status=Post.Status.DRAFT)


@pytest.fixture
def scheduled():
    return make_post(title="Coming soon", publish_at=timezone.now() + timedelta(days=2))


@pytest.mark.parametrize("which", ["draft", "scheduled"])
def test_unpublished_posts_are_404_for_the_public(client, request, which):
    post = request.getfixturevalue(which)
    assert client.get(post.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("which", ["draft", "scheduled"])
def test_unpublished_posts_are_404_for_users_without_change_permission(client, request, which):
    post = request.getfixturevalue(which)
    client.force_login(make_user(is_staff=True))
    assert client.get(post.get_absolute_url()).status_code == 404


def test_editor_previews_a_draft_with_a_banner(client, draft):
    client.force_login(make_editor())
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Draft preview." in response.text
    assert f'href="/admin/blog/post/{draft.pk}/change/"' in response.text
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_editor_previews_a_scheduled_post_with_its_date(client, scheduled):
    client.force_login(make_editor())
    response = client.get(scheduled.get_absolute_url())
    assert response.status_code == 200
    assert "Scheduled preview." in response.text
    assert "Draft preview." not in response.text


def test_superuser_previews_a_draft(client, draft):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_published_post_shows_no_preview_banner_to_editors(client):
    post = make_post()
    client.force_login(make_editor())
    response = client.get(post.get_absolute_url())
    assert "preview." not in response.text
    assert "no-cache" not in response.get("Cache-Control", "")


def test_a_post_edited_before_its_scheduled_date_is_modified_when_it_appeared(client):
    post = make_post(publish_at=at(2015, 1, 10, 9, 0))
    Post.objects.filter(pk=post.pk).update(updated_at=at(2015, 1, 2, 9, 0))
    text = client.get(post.get_absolute_url()).text
    published = timezone.localtime(post.publish_at).isoformat()
    assert f'<meta property="article:modified_time" content="{published}">' in text
