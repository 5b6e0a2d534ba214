"""List pages: home, category, tag, author and date archives, with their bad input."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from blog.models import Post
from tests.blog.factories import make_author, make_category, make_post, make_user
from tests.comments.factories import add_comments
from tests.core.factories import image_file

pytestmark = pytest.mark.django_db


def at(*parts):
    return timezone.make_aware(datetime(*parts))


# Home


def test_home_puts_sticky_posts_first(client):
    make_post(title="Fresh news", publish_at=timezone.now() - timedelta(hours=1))
    make_post(
        title="Old but sticky", is_sticky=True, publish_at=timezone.now() - timedelta(days=90)
    )
    text = client.get("/").text
    assert text.index("Old but sticky") < text.index("Fresh news")
    assert "Featured" in text


def test_home_hides_drafts_and_scheduled_posts(client):
    make_post(title="Out now")
    make_post(title="Still a draft", status=Post.Status.DRAFT)
    make_post(title="Comes tomorrow", publish_at=timezone.now() + timedelta(days=1))
    text = client.get("/").text
    assert "Out now" in text
    assert "Still a draft" not in text
    assert "Comes tomorrow" not in text


def test_home_card_shows_date_author_and_continue_reading(client):
    user = make_user(username="secret-login-name")
    author = make_author(user=user, display_name="Judy Chang", slug="judy-chang")
    post = make_post(
        title="Peer-led news",
        author=author,
        excerpt="A short summary for the list.",
        publish_at=at(2015, 1, 17, 10),
    )
    text = client.get("/").text
    assert f'<a href="{post.get_absolute_url()}">Peer-led news</a>' in text
    assert '<time datetime="2015-01-17T10:00:00+00:00">17 January 2015</time>' in text
    assert '<a href="/author/judy-chang/" rel="author">Judy Chang</a>' in text
    assert "A short summary for the list." in text
    assert "Continue reading" in text
    assert '<span class="visually-hidden"> “Peer-led news”</span>' in text
    assert "secret-login-name" not in text


def test_home_card_cuts_the_body_at_the_more_break(client):
    make_post(body="<p>Before the break.</p><!--more--><p>After the break.</p>")
    text = client.get("/").text
    assert "Before the break." in text
    assert "After the break." not in text


def test_home_card_truncates_a_long_body_without_break_or_excerpt(client):
    words = " ".join(f"word{i}" for i in range(200))
    make_post(body=f"<p>{words}</p>")
    text = client.get("/").text
    assert "word54" in text
    assert "word60" not in text


def test_home_card_plain_text_start_keeps_words_apart(client):
    make_post(
        body="<p>The harms it targets.</p>"
        "<ol><li>Human rights</li><li>Stigma &amp; health</li></ol>",
    )
    text = client.get("/").text
    assert "The harms it targets. Human rights Stigma &amp; health" in text


def test_home_first_page_opens_with_the_network_banner(client):
    for day in range(11):
        make_post(publish_at=timezone.now() - timedelta(days=day + 1))
    first, second = client.get("/").text, client.get("/?page=2").text
    assert "Nothing about us without us." in first.split("<main", 1)[1].split("</main>")[0]
    assert 'class="hero"' not in second
    # The banner says who we are, so the sidebar does not repeat it on that page.
    assert "sidebar-about" not in first
    assert "sidebar-about" in second


def test_home_card_teasers_keep_the_text_of_body_headings_but_not_the_headings(client):
    """A heading from the body (WordPress bodies start at <h4>) would break the list's
    outline: the card's title is the heading, the teaser is text."""
    make_post(body="<h4>Inside the teaser</h4><p>Text.</p><!--more--><p>More.</p>")
    text = client.get("/").text
    assert "<p>Inside the teaser</p>" in text
    assert "<h4>" not in text and "<h5>" not in text


def test_post_bodies_starting_at_h4_are_renumbered_under_the_title(client):
    post = make_post(body="<h4>Intro</h4><p>a</p><h5>Detail</h5><p>b</p><h4>Next</h4>")
    text = client.get(post.get_absolute_url()).text
    body = text[text.index('class="post-body"') :]
    assert body.index("<h2>Intro</h2>") < body.index("<h3>Detail</h3>") < body.index("<h2>Next")


def test_home_card_footer_lists_categories_tags_and_comment_count(client):
    europe = make_category(name="Europe", slug="europe")
    women = make_category(name="Women", slug="women")
    post = make_post(categories=[europe, women], tags=["stigma", "treatment"])
    add_comments(post, 2)
    add_comments(post, 3, status="pending")
    text = client.get("/").text
    assert 'Posted in <a href="/category/europe/">Europe</a>, <a href="/category/women/">' in text
    assert 'Tagged <a href="/tag/stigma/" rel="tag">stigma</a>' in text
    assert '<a href="/tag/treatment/" rel="tag">treatment</a>' in text
    assert f'<a href="{post.get_absolute_url()}#comments">2 Comments</a>' in text


def test_home_card_without_comments_invites_one(client):
    make_post()
    assert "Leave a comment" in client.get("/").text


def test_home_card_shows_a_thumbnail_of_the_featured_image(client):
    post = make_post(featured_image_alt="Marchers with a banner")
    post.featured_image.save("march.jpg", image_file(size=(800, 450)))
    text = client.get("/").text
    renditions = post.featured_renditions
    assert renditions and f"/media/{renditions[0]['name']}" in text
    assert 'alt="Marchers with a banner"' in text
    assert 'width="800" height="450"' in text and 'loading="lazy"' in text


def test_home_card_survives_a_missing_image_file(client):
    post = make_post(featured_image_alt="Gone")
    post.featured_image.save("gone.jpg", image_file())
    post.featured_image.storage.delete(post.featured_image.name)
    response = client.get("/")
    assert response.status_code == 200
    assert 'alt="Gone" loading="lazy"' in response.text


def test_home_is_paginated_ten_to_a_page(client):
    for day in range(12):
        make_post(title=f"Story {day:02d}", publish_at=timezone.now() - timedelta(days=day + 1))
    first = client.get("/")
    second = client.get("/?page=2")
    assert first.text.count('<article class="post-card') == 10
    assert 'href="?page=2" rel="next"' in first.text
    assert second.status_code == 200
    assert second.text.count('<article class="post-card') == 2
    assert "Story 11" in second.text
    assert 'href="/" rel="prev"' in second.text
    assert "Page 2 of 2" in second.text


@pytest.mark.parametrize("page", ["abc", "99999", "0", "-1", "1.5", "2", "9" * 5000, "1\x00"])
def test_home_answers_a_friendly_404_for_a_page_that_does_not_exist(client, page):
    make_post()
    response = client.get("/", {"page": page})
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "404.html" in [t.name for t in response.templates]


def test_list_pages_carry_a_canonical_link_with_their_page(client, settings):
    settings.SITE_URL = "https://inpud.example"
    women = make_category(slug="women")
    for day in range(11):
        make_post(categories=[women], publish_at=timezone.now() - timedelta(days=day + 1))
    first = client.get("/category/women/").text
    second = client.get("/category/women/?page=2").text
    assert '<link rel="canonical" href="https://inpud.example/category/women/">' in first
    assert '<link rel="canonical" href="https://inpud.example/category/women/?page=2">' in second


def test_home_with_nothing_published_says_so(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "No posts here yet." in response.text


# Category


def test_category_lists_posts_of_its_whole_subtree_once(client):
    regional = make_category(name="Regional Information", slug="regional-information")
    europe = make_category(name="Europe", slug="europe", parent=regional)
    eastern = make_category(name="Eastern European Countries", slug="eastern", parent=europe)
    elsewhere = make_category(name="Research", slug="research")
    make_post(title="Deep down", categories=[eastern])
    make_post(title="In two of them", categories=[europe, eastern])
    make_post(title="Not in the tree", categories=[elsewhere])
    make_post(title="Draft in tree", categories=[europe], status=Post.Status.DRAFT)
    text = client.get("/category/regional-information/").text
    assert "Deep down" in text
    assert text.count(">In two of them</a>") == 1
    assert "Not in the tree" not in text
    assert "Draft in tree" not in text


def test_category_shows_its_description_and_breadcrumb(client):
    regional = make_category(name="Regional Information", slug="regional-information")
    europe = make_category(name="Europe", slug="europe", parent=regional)
    make_category(
        name="Eastern European Countries",
        slug="eastern",
        parent=europe,
        description="News from our members in Eastern Europe.",
    )
    text = client.get("/category/eastern/").text
    assert "<h1>Eastern European Countries</h1>" in text
    assert "News from our members in Eastern Europe." in text
    breadcrumb = text[text.index('aria-label="Breadcrumb"') : text.index("</ol>")]
    assert breadcrumb.index("regional-information") < breadcrumb.index("/category/europe/")
    assert 'aria-current="page">Eastern European Countries</a>' in breadcrumb


def test_empty_category_still_answers(client):
    make_category(name="Women", slug="women")
    response = client.get("/category/women/")
    assert response.status_code == 200
    assert "No posts here yet." in response.text


def test_unknown_category_is_404(client):
    assert client.get("/category/no-such-thing/").status_code == 404


def test_category_bad_page_is_404(client):
    make_category(slug="women")
    assert client.get("/category/women/?page=abc").status_code == 404
    assert client.get("/category/women/?page=2").status_code == 404


def test_old_nested_category_link_redirects_to_the_category(client):
    regional = make_category(slug="regional-information")
    make_category(slug="europe", parent=regional)
    response = client.get("/category/regional-information/europe/")
    assert response.status_code == 301
    assert response["Location"] == "/category/europe/"
    assert client.get("/category/regional-information/nowhere/").status_code == 404


# Tag


def test_tag_lists_only_public_posts_with_the_tag(client):
    make_post(title="Tagged one", tags=["naloxone"])
    make_post(title="Other tag", tags=["funding"])
    make_post(title="Tagged draft", tags=["naloxone"], status=Post.Status.DRAFT)
    make_post(title="Older tagged", tags=["naloxone"], publish_at=at(2014, 1, 1))
    response = client.get("/tag/naloxone/")
    assert response.status_code == 200
    assert "<h1>naloxone</h1>" in response.text
    assert response.text.index("Tagged one") < response.text.index("Older tagged")
    assert "Other tag" not in response.text
    assert "Tagged draft" not in response.text


def test_unknown_tag_is_404(client):
    assert client.get("/tag/nothing-here/").status_code == 404


def test_tag_used_only_on_drafts_is_404(client):
    make_post(tags=["embargoed-news"], status=Post.Status.DRAFT)
    assert client.get("/tag/embargoed-news/").status_code == 404


# Author


def test_author_page_shows_display_name_bio_and_posts_never_the_username(client):
    author = make_author(
        user=make_user(username="jc-login"),
        display_name="Judy Chang",
        slug="judy-chang",
        bio="Executive Director of the network.",
    )
    make_post(title="Her post", author=author)
    make_post(title="Someone else's post")
    text = client.get("/author/judy-chang/").text
    assert "<h1>Judy Chang</h1>" in text
    assert "Executive Director of the network." in text
    assert "Her post" in text
    assert "Someone else" not in text
    assert "jc-login" not in text


def test_unknown_author_is_404(client):
    assert client.get("/author/nobody/").status_code == 404


def test_author_without_public_posts_is_404(client):
    author = make_author(slug="quiet-one")
    make_post(author=author, status=Post.Status.DRAFT)
    assert client.get("/author/quiet-one/").status_code == 404


# Date archives


@pytest.fixture
def dated_posts():
    make_post(title="New Year", publish_at=at(2015, 1, 1, 9))
    make_post(title="Peace launch", publish_at=at(2015, 1, 17, 10))
    make_post(title="Also that day", publish_at=at(2015, 1, 17, 18))
    make_post(title="February news", publish_at=at(2015, 2, 3, 12))
    make_post(title="Toronto union", publish_at=at(2014, 11, 12, 12))
    make_post(title="January draft", publish_at=at(2015, 1, 20), status=Post.Status.DRAFT)


def test_year_archive_lists_that_year(client, dated_posts):
    response = client.get("/2015/")
    assert response.status_code == 200
    assert "Posts from 2015" in response.text
    for title in ("New Year", "Peace launch", "February news"):
        assert title in response.text
    assert "Toronto union" not in response.text
    assert "January draft" not in response.text


def test_month_archive_lists_that_month_newest_first(client, dated_posts):
    text = client.get("/2015/01/").text
    assert "Posts from January 2015" in text
    assert text.index("Also that day") < text.index("Peace launch") < text.index("New Year")
    assert "February news" not in text


def test_day_archive_lists_that_day(client, dated_posts):
    text = client.get("/2015/01/17/").text
    assert "Posts from 17 January 2015" in text
    assert "Peace launch" in text
    assert "Also that day" in text
    assert "New Year" not in text


@pytest.mark.parametrize(
    "url",
    [
        "/2015/13/",  # month 13
        "/2015/00/",
        "/2015/02/30/",  # a day that does not exist
        "/2015/01/32/",
        "/2015/1/",  # WordPress always pads
        "/0000/",
        "/2013/",  # no posts that year
        "/2015/03/",
        "/2015/01/?page=abc",
        "/2015/01/?page=99999",
    ],
)
def test_bad_or_empty_date_archive_is_404(client, dated_posts, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_last_day_of_the_calendar_is_404_not_500(client):
    assert client.get("/9999/12/31/").status_code == 404
    assert client.get("/9999/12/").status_code == 404


def test_archive_months_in_the_sidebar_follow_new_posts_at_once(client):
    from datetime import datetime

    from django.utils import timezone

    make_post(publish_at=timezone.make_aware(datetime(2014, 11, 12, 10)))
    assert 'href="/2014/11/"' in client.get("/").text
    assert 'href="/2013/05/"' not in client.get("/").text  # now cached
    make_post(publish_at=timezone.make_aware(datetime(2013, 5, 2, 10)))
    assert 'href="/2013/05/"' in client.get("/").text


def test_archive_months_are_read_from_the_cache_on_later_requests(
    client, django_assert_max_num_queries
):
    make_post()
    client.get("/")
    # count, page of posts, categories, tags, category tree: the months come from the cache
    with django_assert_max_num_queries(5):
        client.get("/")
