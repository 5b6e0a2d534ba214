"""Old WordPress links keep working: ?p=, ?cat=, ?page_id= and friends, and permalinks."""

import pytest
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site

from blog.models import Post
from tests.blog.factories import make_post
from tests.wordpress.conftest import run_import
from wordpress.models import ImportedObject

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(media_dir):
    run_import("site_1_2.xml", "--media-dir", str(media_dir))


def post(wp_id):
    return Post.objects.get(pk=ImportedObject.objects.get(kind="post", wp_id=wp_id).object_id)


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("p=101", "/2015/01/27/the-global-state-of-harm-reduction-for-2014/"),
        ("p=102&preview=true", "/2015/01/20/my-treatment-their-treatment-my-hell/"),
        ("cat=4", "/category/europe/"),
        ("cat=8", "/category/category-8/"),
        ("tag=naloxone", "/tag/naloxone/"),
        ("author=1", "/author/eliot-albers/"),
        ("attachment_id=201", "/media/wordpress/2015/01/global-state.jpg"),
    ],
)
def test_old_query_links_redirect_permanently(site, client, query, location):
    response = client.get(f"/?{query}")
    assert response.status_code == 301
    assert response["Location"] == location


def test_post_redirect_is_one_query(site, client, django_assert_num_queries):
    ImportedObject.objects.bulk_create(
        ImportedObject(kind="comment", wp_id=n, content_hash="x") for n in range(50_000, 60_000)
    )
    with django_assert_num_queries(1):
        assert client.get("/?p=101").status_code == 301


# "%C2%B2" is "²", which str.isdigit() accepts and int() refuses; NUL cannot be queried.
@pytest.mark.parametrize(
    "query",
    ["p=103", "p=104", "p=108", "p=99999", "p=abc", "cat=999"]
    + [f"{name}=%C2%B2" for name in ("p", "cat", "page_id", "author", "attachment_id")]
    + ["cat=%D9%A3", "tag=%00", "tag=naloxone%00"],
)
def test_unknown_or_unpublished_targets_get_a_helpful_404(site, client, query):
    response = client.get(f"/?{query}")
    assert response.status_code == 404
    assert "old website" in response.text
    assert 'href="/"' in response.text


def test_page_links_redirect_to_the_imported_page(site, client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/?page_id=301")
    assert (response.status_code, response["Location"]) == (301, "/about-us/our-history/")
    response = client.get("/?page_id=303")  # a draft
    assert response.status_code == 404
    assert "a page of our old website that has not moved" in response.text


def test_a_page_noted_by_an_older_import_follows_the_redirect_staff_add(client):
    ImportedObject.objects.create(kind="page", wp_id=300, old_path="/about-us/", content_hash="x")
    assert client.get("/?page_id=300").status_code == 404
    Redirect.objects.create(
        site=Site.objects.get_current(), old_path="/about-us/", new_path="/campaigns/"
    )
    response = client.get("/?page_id=300")
    assert (response.status_code, response["Location"]) == (301, "/campaigns/")


def test_pages_keep_their_old_address_in_the_mapping(site):
    page = ImportedObject.objects.get(kind="page", wp_id=300)
    assert page.old_path == "/about-us/" and page.object_id is not None


def test_home_page_without_old_parameters_is_untouched(site, client):
    assert client.get("/").status_code == 200
    assert client.get("/?utm_source=newsletter").status_code == 200


def test_permalinks_of_imported_posts_are_the_wordpress_ones(site, client):
    for wp_id, path in [
        (101, "/2015/01/27/the-global-state-of-harm-reduction-for-2014/"),
        (102, "/2015/01/20/my-treatment-their-treatment-my-hell/"),
        (110, "/2015/02/07/written-in-the-block-editor/"),
    ]:
        assert post(wp_id).get_absolute_url() == path
        assert client.get(path).status_code == 200


def test_permalink_with_a_non_ascii_slug_redirects_to_the_new_one(site, client):
    response = client.get("/2015/02/06/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/")
    assert response.status_code == 301
    assert response["Location"] == "/2015/02/06/post-109/"
    assert client.get(response["Location"]).status_code == 200


def test_slug_taken_here_gets_a_suffix_and_the_old_link_redirects(client):
    make_post(slug="naloxone-saves-lives")
    output = run_import("reimport_v1.xml")
    assert "slug 'naloxone-saves-lives' is taken here; imported as 'naloxone-saves-lives-2'" in (
        output
    )
    response = client.get("/2015/03/01/naloxone-saves-lives/")
    assert response["Location"] == "/2015/03/01/naloxone-saves-lives-2/"


def test_wordpress_site_in_another_timezone_keeps_its_links(settings, client):
    settings.TIME_ZONE = "UTC"
    output = run_import("timezone_plus2.xml")
    night = Post.objects.get(slug="night-outreach-report")
    # 01:30 on the 10th in WordPress (UTC+2) is 23:30 on the 9th in UTC.
    assert night.get_absolute_url() == "/2015/03/09/night-outreach-report/"
    response = client.get("/2015/03/10/night-outreach-report/")
    assert (response.status_code, response["Location"]) == (301, night.get_absolute_url())
    assert "2 posts were dated at UTC+02:00 in WordPress, but TIME_ZONE=UTC gives UTC+00:00" in (
        output
    )
    assert "1 posts fall on another day here" in output
    assert Redirect.objects.count() == 1  # the afternoon post kept its day


def test_matching_time_zone_gives_identical_permalinks(settings):
    settings.TIME_ZONE = "Europe/Helsinki"  # UTC+2 in March 2015
    output = run_import("timezone_plus2.xml")
    night = Post.objects.get(slug="night-outreach-report")
    assert night.get_absolute_url() == "/2015/03/10/night-outreach-report/"
    assert Redirect.objects.count() == 0
    assert "TIME_ZONE" not in output


def test_summary_names_pages_whose_address_is_taken(media_dir):
    output = run_import("site_1_2.xml", "--media-dir", str(media_dir))
    assert "Page 'Feed': /feed/ is taken here; imported as 'feed-2'" in output


def test_staff_can_look_up_old_page_addresses_in_the_admin(site, admin_client):
    response = admin_client.get("/admin/wordpress/importedobject/?kind__exact=page")
    assert response.status_code == 200
    assert "/about-us/" in response.text
    assert admin_client.get("/admin/wordpress/importedobject/add/").status_code == 403
