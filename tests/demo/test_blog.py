"""What `make run` sets up: the demo content (load_demo) and the local admin account."""

import io
import os
import re
from pathlib import Path

import feedparser
import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from blog.models import Category, Post

pytestmark = pytest.mark.django_db

# The five posts of the seed page (../shared/DOMAIN.md): title, date, categories, tag count.
SEED_POSTS = {
    "The Global State of Harm Reduction for 2014": (
        "2015/01/27",
        {
            "Eastern European Countries",
            "Europe",
            "Hepatitis C",
            "HIV/AIDS",
            "IHRA",
            "Latin Countries",
            "law enforcement",
            "methadone",
        },
        4,
    ),
    "My Treatment, Their Treatment, My Hell": (
        "2015/01/22",
        {"Europe", "Injection Drug Use", "Regional Information", "Women"},
        3,
    ),
    "Drug User Peace Initiative launched": ("2015/01/17", {"Campaigns", "INPUD"}, 1),
    "The lives behind the diagnosis": (
        "2015/01/08",
        {"HIV/AIDS", "Injection Drug Use", "Research"},
        5,
    ),
    "Harm Reduction Workers Union Takes Off in Toronto": ("2014/11/12", {"Campaigns"}, 5),
}
CATEGORY_NAMES = {
    "Campaigns",
    "INPUD",
    "Europe",
    "Eastern European Countries",
    "Latin Countries",
    "Regional Information",
    "Hepatitis C",
    "HIV/AIDS",
    "IHRA",
    "Injection Drug Use",
    "Research",
    "Women",
    "law enforcement",
    "methadone",
}


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def media_files():
    root = Path(django_settings.MEDIA_ROOT)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def test_demo_posts_are_on_the_home_page_with_their_dates_categories_and_tags(client):
    load_demo()
    home = client.get("/")
    assert home.status_code == 200
    for title, (date, categories, tag_count) in SEED_POSTS.items():
        assert title in home.text
        post = Post.objects.published().get(title=title)
        assert post.get_absolute_url().startswith(f"/{date}/")
        assert {c.name for c in post.categories.all()} == categories
        assert post.tags.count() == tag_count
        assert client.get(post.get_absolute_url()).status_code == 200
    assert Post.objects.filter(language="en").count() == len(SEED_POSTS)


def test_demo_categories_form_the_tree_of_the_old_site(client):
    load_demo()
    parents = {c.name: c.parent.name if c.parent else None for c in Category.objects.all()}
    assert set(parents) == CATEGORY_NAMES
    assert parents["Eastern European Countries"] == "Europe"
    assert parents["Europe"] == "Regional Information"
    assert parents["Regional Information"] is None
    # A region's page lists the posts of its sub-regions too.
    regional = client.get("/category/regional-information/").text
    assert "The Global State of Harm Reduction for 2014" in regional  # only in sub-regions
    assert "My Treatment, Their Treatment, My Hell" in regional
    assert "Harm Reduction Workers Union" not in regional


def test_one_demo_post_has_a_featured_image_in_renditions(client):
    load_demo()
    (post,) = Post.objects.exclude(featured_image="")
    assert post.title == "The Global State of Harm Reduction for 2014"
    assert post.featured_image_alt
    assert {(r["width"], r["format"]) for r in post.featured_renditions} == {
        (width, fmt) for width in (480, 960, 1600) for fmt in ("webp", "jpeg")
    }
    stored = set(media_files())
    assert {r["name"] for r in post.featured_renditions} <= stored
    home = client.get("/").text
    srcset = re.search(r'<img [^>]*srcset="([^"]*)"[^>]*alt="Cover-style artwork', home)
    assert srcset and "480w" in srcset.group(1) and "1600w" in srcset.group(1)


def test_demo_posts_are_in_the_feed(client):
    load_demo()
    feed = feedparser.parse(client.get("/feed/").content)
    assert not feed.bozo
    assert {entry.title for entry in feed.entries} == set(SEED_POSTS)


def test_load_demo_twice_changes_no_row_and_writes_no_file():
    first = load_demo()
    assert "5 demo posts created" in first
    counts, files = row_counts(), media_files()
    second = load_demo()
    assert "0 demo posts created, 5 already there" in second
    assert row_counts() == counts
    assert media_files() == files


def test_load_demo_leaves_a_post_staff_changed_alone():
    load_demo()
    post = Post.objects.get(slug="the-lives-behind-the-diagnosis")
    post.title = "The lives behind the diagnosis (updated)"
    post.status = Post.Status.DRAFT
    post.save()
    load_demo()
    post.refresh_from_db()
    assert post.title == "The lives behind the diagnosis (updated)"
    assert post.status == Post.Status.DRAFT


# ensure_local_admin: the login `make run` prints.


@pytest.fixture
def local_mode(settings, tmp_path):
    settings.DEBUG = True
    settings.BASE_DIR = tmp_path
    return tmp_path / "var" / "local-admin-password"


def test_local_admin_can_log_in_and_write_posts_with_the_printed_password(client, local_mode):
    out = io.StringIO()
    call_command("ensure_local_admin", stdout=out)
    password = local_mode.read_text().strip()
    assert f"password: {password}" in out.getvalue()
    assert os.stat(local_mode).st_mode & 0o077 == 0  # readable by its owner only
    assert client.login(username="admin", password=password)
    assert client.get("/admin/blog/post/add/").status_code == 200
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.author_profile.display_name == "Local Admin"


def test_local_admin_keeps_its_password_across_runs(client, local_mode):
    call_command("ensure_local_admin", stdout=io.StringIO())
    password = local_mode.read_text()
    call_command("ensure_local_admin", stdout=io.StringIO())
    assert local_mode.read_text() == password
    assert client.login(username="admin", password=password.strip())


def test_local_admin_is_refused_without_debug(settings, tmp_path):
    settings.DEBUG = False
    settings.BASE_DIR = tmp_path
    with pytest.raises(CommandError):
        call_command("ensure_local_admin", stdout=io.StringIO())
    assert not (tmp_path / "var").exists()


def test_local_admin_says_whether_the_second_factor_is_required(local_mode, settings):
    out = io.StringIO()
    call_command("ensure_local_admin", stdout=out)
    assert "Two-factor authentication is optional in this local run" in out.getvalue()
    settings.ACCOUNTS_REQUIRE_TWO_FACTOR = True
    out = io.StringIO()
    call_command("ensure_local_admin", stdout=out)
    assert "Two-factor authentication is required" in out.getvalue()
