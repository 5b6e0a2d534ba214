"""The staff journey in a real browser: an editor logs into the admin, writes a post in
CKEditor with an image in the body and a featured image, publishes it, and readers then find
it on the home page, on its own page and in the feed."""

from urllib.parse import urlsplit

import feedparser
import pytest
from playwright.sync_api import expect
from taggit.models import Tag

from blog import roles
from blog.models import Post
from core.roles import sync_groups
from tests.blog.factories import make_author, make_category, make_staff
from tests.core.factories import gps_exif, image_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"
TITLE = "Naloxone in every pocket"
SLUG = "naloxone-in-every-pocket"


def ensure_editor_role():
    """The Editor group as blog.roles declares it (a transactional test's flush empties every
    table, and post_migrate refills the groups; this makes the test independent of that)."""
    sync_groups(roles.GROUPS)


# Everything the database needs is made here, before `browser_page` starts Playwright
# (see the fixture's notes on connections).
@pytest.fixture
def newsroom(settings, tmp_path):
    settings.ROOT_URLCONF = "tests.blog.urls_media"  # serves /media/ so images really load
    ensure_editor_role()
    editor = make_staff("Editor", author=False, username="editor", password=PASSWORD)
    make_author(user=editor, display_name="Mai Peer", slug="mai-peer")
    regional = make_category(name="Regional Information", slug="regional-information")
    make_category(name="Europe", slug="europe", parent=regional)
    make_category(name="Research", slug="research")
    Tag.objects.create(name="naloxone", slug="naloxone")
    files = {"body": tmp_path / "outreach.png", "cover": tmp_path / "cover.jpg"}
    files["body"].write_bytes(image_bytes("PNG", size=(1200, 800), color="#1d5e6b"))
    files["cover"].write_bytes(image_bytes(size=(1800, 1000), exif=gps_exif()))
    return files


def record_requests(page):
    urls = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def wait_until_loaded(image):
    """Lazy images load once scrolled to; then naturalWidth says the file really arrived."""
    image.scroll_into_view_if_needed()
    loaded = "img => img.complete && img.naturalWidth > 0"
    image.page.wait_for_function(loaded, arg=image.element_handle())


def log_in(page):
    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Posts", exact=True)).to_be_visible()


def choose_in_autocomplete(page, field, typed, option):
    """Django's autocomplete (select2): type into the box, pick the offered option."""
    page.locator(f".field-{field} .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=option).click()
    expect(page.locator(f".field-{field} .select2-selection__choice")).to_contain_text(option)


def write_post(page, files):
    page.get_by_role("link", name="Posts", exact=True).click()
    page.get_by_role("link", name="Add post").click()

    page.get_by_label("Title").press_sequentially(TITLE)
    expect(page.get_by_label("Slug")).to_have_value(SLUG)

    body = page.locator(".ck-editor__editable")
    body.click()
    page.keyboard.type("Peer workers hand out naloxone kits across the city.")
    page.keyboard.press("Enter")
    # CKEditor's "Upload image from computer" button opens this hidden file input; it
    # offers only the formats the server accepts.
    chooser = page.locator(".ck-toolbar input[type=file]")
    expect(chooser).to_have_attribute("accept", "image/jpeg,image/png,image/gif,image/webp")
    chooser.set_input_files(files["body"])
    uploaded = body.locator("img[src^='/media/uploads/']")
    expect(uploaded).to_be_visible()
    # The new image is selected, with its own toolbar: describe it for screen readers.
    page.get_by_role("button", name="Change image text alternative").click()
    page.get_by_label("Text alternative").fill("Volunteers with naloxone kits")
    page.keyboard.press("Enter")
    expect(uploaded).to_have_attribute("alt", "Volunteers with naloxone kits")

    page.locator("#id_featured_image").set_input_files(files["cover"])
    page.get_by_label("Featured image description (alt text)").fill("A naloxone kit")
    page.locator("#id_featured_image_credit").fill("Mai Peer")

    choose_in_autocomplete(page, "categories", "Euro", "Europe")
    choose_in_autocomplete(page, "tags", "nalox", "naloxone")
    page.get_by_label("Add tags by name").fill("overdose prevention, peer work")
    page.get_by_label("Status").select_option(label="Published")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(f"The post “{TITLE}” was added")


def test_editor_publishes_a_post_with_images_that_readers_then_see(
    newsroom, browser_page, live_server
):
    page = browser_page
    requested = record_requests(page)

    log_in(page)
    write_post(page, newsroom)

    # No request of the whole admin session left the site: CKEditor, select2 and the
    # admin's scripts are all served locally.
    here = urlsplit(live_server.url).netloc
    web = [url for url in requested if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
    assert web and all(urlsplit(url).netloc == here for url in web), set(web)
    assert not [url for url in requested if urlsplit(url).scheme not in ("http", "https", "data")]

    post = Post.objects.get(slug=SLUG)
    assert post.status == Post.Status.PUBLISHED
    assert post.author.display_name == "Mai Peer"
    assert [c.name for c in post.categories.all()] == ["Europe"]
    assert sorted(post.tags.names()) == ["naloxone", "overdose prevention", "peer work"]
    assert {r["width"] for r in post.featured_renditions} == {480, 960, 1600}
    assert 'alt="Volunteers with naloxone kits"' in post.body
    assert 'src="/media/uploads/' in post.body

    # The home page: the new post comes first, with its picture in right-sized copies.
    page.goto("/")
    card = page.locator("article.post-card").first
    expect(card.get_by_role("heading")).to_have_text(TITLE)
    picture = card.get_by_role("img", name="A naloxone kit")
    srcset = picture.get_attribute("srcset")
    assert "480w" in srcset and "960w" in srcset and "1600w" in srcset
    assert "webp" in card.locator("source[type='image/webp']").get_attribute("srcset")
    wait_until_loaded(picture)

    # The post page: both images load; the credit and the tags are shown.
    card.get_by_role("link", name=TITLE, exact=True).click()
    expect(page).to_have_url(f"{live_server.url}{post.get_absolute_url()}")
    main = page.locator("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(TITLE)
    wait_until_loaded(main.get_by_role("img", name="A naloxone kit"))
    wait_until_loaded(main.get_by_role("img", name="Volunteers with naloxone kits"))
    expect(main).to_contain_text("Image: Mai Peer")
    expect(main.get_by_role("link", name="overdose prevention")).to_be_visible()

    # The feed, read as a feed reader reads it.
    feed = feedparser.parse(page.request.get("/feed/").body())
    assert not feed.bozo
    entry = next(entry for entry in feed.entries if entry.title == TITLE)
    assert entry.link.endswith(post.get_absolute_url())
    assert "/media/uploads/" in entry.content[0].value
    assert {"Europe", "naloxone"} <= {tag.term for tag in entry.tags}
    assert entry.enclosures[0].href.endswith(post.featured_image.url)


def test_an_editor_who_forgets_the_alt_text_keeps_the_image_and_the_text(newsroom, browser_page):
    page = browser_page
    log_in(page)
    page.goto("/admin/blog/post/add/")
    page.get_by_label("Title").press_sequentially("Forgot the alt text")
    page.locator(".ck-editor__editable").click()
    page.keyboard.type("Written before the error.")
    page.locator("#id_featured_image").set_input_files(newsroom["cover"])
    page.get_by_label("Status").select_option(label="Published")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".field-featured_image_alt .errorlist")).to_contain_text(
        "Describe the featured image"
    )
    expect(page.locator(".ck-editor__editable")).to_contain_text("Written before the error.")
    expect(page.locator(".field-featured_image")).to_contain_text("Currently:")

    page.get_by_label("Featured image description (alt text)").fill("A naloxone kit")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    post = Post.objects.get(slug="forgot-the-alt-text")
    assert post.status == Post.Status.PUBLISHED
    assert post.featured_image and post.featured_renditions
    assert "Written before the error." in post.body
