"""The post, category and author admin for editors."""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from blog.models import Category, Post
from core.validators import ALLOWED_FORMATS
from tests.blog.factories import make_author, make_category, make_post, make_staff, post_form_data
from tests.campaigns.factories import make_campaign
from tests.core.factories import uploaded_image

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/blog/post/"
ADD_URL = "/admin/blog/post/add/"


@pytest.fixture
def editor_client(client):
    client.force_login(make_staff("Editor"))
    return client


def rows(html):
    return re.findall(r'<tr>\s*<td class="action-checkbox">.*?</tr>', html, re.S)


def test_list_shows_title_status_date_author_and_categories(editor_client):
    author = make_author(display_name="Mai Peer")
    make_post(
        title="Harm reduction works",
        author=author,
        categories=[make_category(name="Research"), make_category(name="Women")],
    )
    html = editor_client.get(LIST_URL).text
    for column in ("column-title", "column-status_label", "column-publish_at", "column-author"):
        assert column in html
    (row,) = rows(html)
    assert "Harm reduction works" in row
    assert "Published" in row
    assert "Mai Peer" in row
    assert "Research, Women" in row


def test_future_published_post_shows_as_scheduled(editor_client):
    make_post(title="Next week", publish_at=timezone.now() + timedelta(days=7))
    (row,) = rows(editor_client.get(LIST_URL).text)
    assert "Scheduled" in row


def test_list_filters_by_status_sticky_author_and_category(editor_client):
    research = make_category(name="Research")
    author = make_author()
    make_post(title="Draft one", status=Post.Status.DRAFT)
    make_post(title="Pinned", is_sticky=True)
    make_post(title="Written by", author=author)
    make_post(title="In research", categories=[research])

    def titles(query):
        html = editor_client.get(LIST_URL + query).text
        return {t for t in ("Draft one", "Pinned", "Written by", "In research") if t in html}

    assert titles("?status__exact=draft") == {"Draft one"}
    assert titles("?is_sticky__exact=1") == {"Pinned"}
    assert titles(f"?author__id__exact={author.pk}") == {"Written by"}
    assert titles(f"?categories__id__exact={research.pk}") == {"In research"}


def test_search_looks_in_title_excerpt_and_body_text(editor_client):
    make_post(title="Naloxone saves lives")
    make_post(title="Second", excerpt="About methadone access")
    make_post(title="Third", body="<p>Drug checking in <strong>Toronto</strong></p>")
    make_post(title="Unrelated")
    for term, title in [
        ("naloxone", "Naloxone saves"),
        ("methadone", "Second"),
        ("toronto", "Third"),
    ]:
        html = editor_client.get(LIST_URL, {"q": term}).text
        assert title in html
        assert "Unrelated" not in html


def test_date_hierarchy_narrows_by_year(editor_client):
    make_post(title="Old news", publish_at=timezone.now().replace(year=2015))
    make_post(title="Recent news")
    html = editor_client.get(LIST_URL, {"publish_at__year": 2015}).text
    assert "Old news" in html
    assert "Recent news" not in html


def test_changelist_queries_do_not_grow_with_posts(editor_client, django_assert_max_num_queries):
    categories = [make_category() for _ in range(5)]
    authors = [make_author() for _ in range(5)]
    for i in range(100):
        make_post(author=authors[i % 5], categories=categories[: i % 3 + 1], tags=["x", f"t{i}"])
    with django_assert_max_num_queries(14):
        response = editor_client.get(LIST_URL)
    assert response.status_code == 200
    assert len(rows(response.text)) == 100


def test_add_form_prepopulates_slug_from_title(editor_client):
    html = editor_client.get(ADD_URL).text
    assert "data-prepopulated-fields=" in html
    assert "&quot;#id_slug&quot;" in html
    assert "&quot;dependency_list&quot;: [&quot;title&quot;]" in html


def test_publish_action_publishes_and_counts(editor_client):
    drafts = [make_post(status=Post.Status.DRAFT) for _ in range(2)]
    live = make_post()
    response = editor_client.post(
        LIST_URL,
        {"action": "publish", "_selected_action": [p.pk for p in [*drafts, live]]},
        follow=True,
    )
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "2 posts published." in messages
    assert "1 post was already published." in messages
    assert set(Post.objects.values_list("status", flat=True)) == {Post.Status.PUBLISHED}


def test_unpublish_action_moves_posts_back_to_draft(editor_client):
    posts = [make_post() for _ in range(3)]
    response = editor_client.post(
        LIST_URL, {"action": "unpublish", "_selected_action": [p.pk for p in posts]}, follow=True
    )
    assert "3 posts moved back to draft." in [str(m) for m in get_messages(response.wsgi_request)]
    assert not Post.objects.published().exists()
    assert editor_client.get(posts[0].get_absolute_url()).status_code == 200  # staff preview


def test_view_on_site_previews_a_draft_for_staff_only(client):
    post = make_post(title="Secret plan", status=Post.Status.DRAFT)
    editor = make_staff("Editor")
    client.force_login(editor)
    html = client.get(f"/admin/blog/post/{post.pk}/change/").text
    assert f'href="{post.get_absolute_url()}"' in html
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert "Secret plan" in response.text
    client.logout()
    assert client.get(post.get_absolute_url()).status_code == 404


def test_author_previews_own_draft(client):
    author = make_staff("Author")
    post = make_post(author=author.author_profile, status=Post.Status.DRAFT)
    client.force_login(author)
    assert client.get(post.get_absolute_url()).status_code == 200


def test_featured_image_needs_alt_text(editor_client):
    data = post_form_data(featured_image=uploaded_image(), featured_image_alt="")
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "Describe the featured image for people who cannot see it." in response.text
    assert re.search(r'aria-describedby="[^"]*id_featured_image_alt_error"', response.text)
    assert not Post.objects.exists()


def test_images_in_the_body_need_a_description(editor_client):
    body = '<p>Kits.</p><figure class="image"><img src="/media/uploads/kit.jpg"></figure>'
    response = editor_client.post(ADD_URL, post_form_data(body=body))
    assert response.status_code == 200
    assert "1 image in the body has no description" in response.text
    assert "Change image text alternative" in response.text
    assert re.search(r'aria-describedby="[^"]*id_body_error"', response.text)
    assert "/media/uploads/kit.jpg" in response.text  # what was written is still there
    assert not Post.objects.exists()


def test_body_images_with_a_description_or_marked_decorative_are_saved(editor_client):
    body = '<img src="/media/a.jpg" alt="Volunteers at a stall"><img src="/media/line.png" alt="">'
    assert editor_client.post(ADD_URL, post_form_data(body=body)).status_code == 302
    assert 'alt="Volunteers at a stall"' in Post.objects.get().body


def test_post_with_image_and_alt_is_saved(editor_client):
    data = post_form_data(featured_image=uploaded_image(), featured_image_alt="A protest banner")
    assert editor_client.post(ADD_URL, data).status_code == 302
    post = Post.objects.get()
    assert post.featured_image.name.startswith("posts/")
    assert post.featured_renditions


def test_body_editor_uses_the_validated_upload_url(editor_client):
    html = editor_client.get(ADD_URL).text
    assert "/ckeditor5/image_upload/" in html
    assert "django_ckeditor_5/dist/bundle.js" in html


def test_body_editor_offers_only_the_image_formats_the_upload_accepts(editor_client):
    html = editor_client.get(ADD_URL).text
    script = re.search(r'<script id="id_body_script" type="application/json">(.*?)</script>', html)
    config = json.loads(script.group(1))
    assert set(config["image"]["upload"]["types"]) == {f.lower() for f in ALLOWED_FORMATS}


def test_editor_links_a_post_to_a_campaign(editor_client, client):
    campaign = make_campaign(title="Drug User Peace Initiative", slug="dupi")
    html = editor_client.get(ADD_URL).text
    assert re.search(r'<select name="campaign"[^>]* id="id_campaign"', html)
    data = post_form_data(status="published", campaign=str(campaign.pk))
    assert editor_client.post(ADD_URL, data).status_code == 302
    post = Post.objects.get()
    assert post.campaign == campaign
    assert "Campaign: Drug User Peace Initiative" in client.get(post.get_absolute_url()).text


# Categories


def test_category_list_is_an_indented_tree(editor_client):
    regional = make_category(name="Regional Information")
    europe = make_category(name="Europe", parent=regional)
    make_category(name="Eastern European Countries", parent=europe)
    make_category(name="Latin Countries", parent=regional)
    make_category(name="Campaigns")
    make_category(name="Women")
    html = editor_client.get("/admin/blog/category/").text
    names = re.findall(r'<th class="field-indented_name"><a [^>]*>([^<]*)</a>', html)
    assert names == [
        "Campaigns",
        "Regional Information",
        "— Europe",
        "— — Eastern European Countries",
        "— Latin Countries",
        "Women",
    ]


def test_category_list_queries_do_not_grow(editor_client, django_assert_max_num_queries):
    parent = None
    for i in range(60):
        parent = make_category(parent=parent if i % 3 else None)
    with django_assert_max_num_queries(10):
        assert editor_client.get("/admin/blog/category/").status_code == 200


def test_category_cannot_become_its_own_ancestor(editor_client):
    top = make_category(name="Top", slug="top")
    child = make_category(name="Child", slug="child", parent=top)
    grandchild = make_category(name="Grandchild", slug="grandchild", parent=child)
    url = f"/admin/blog/category/{top.pk}/change/"
    response = editor_client.post(url, {"name": "Top", "slug": "top", "parent": grandchild.pk})
    assert response.status_code == 200
    assert "cannot be placed inside itself" in response.text
    top.refresh_from_db()
    assert top.parent is None
    response = editor_client.post(url, {"name": "Top", "slug": "top", "parent": top.pk})
    assert "cannot be placed inside itself" in response.text


def test_category_parent_choices_show_the_tree(editor_client):
    top = make_category(name="Regional Information")
    make_category(name="Europe", parent=top)
    html = editor_client.get("/admin/blog/category/add/").text
    assert "— Europe</option>" in html


def test_category_moves_under_another(editor_client):
    top = make_category(name="Top", slug="top")
    other = make_category(name="Other", slug="other")
    url = f"/admin/blog/category/{other.pk}/change/"
    response = editor_client.post(url, {"name": "Other", "slug": "other", "parent": top.pk})
    assert response.status_code == 302
    assert Category.objects.get(pk=other.pk).parent == top


# Authors


def test_author_admin_lists_post_counts_and_offers_only_staff_accounts(editor_client):
    author = make_author(display_name="Writer One")
    make_post(author=author)
    make_post(author=author)
    html = editor_client.get("/admin/blog/author/").text
    assert "Writer One" in html
    assert '<td class="field-post_count">2</td>' in html
    staff = make_staff(author=False, username="staffer")
    form = editor_client.get("/admin/blog/author/add/").text
    assert f'<option value="{staff.pk}">staffer</option>' in form
    assert f'<option value="{author.user.pk}"' not in form  # not staff
