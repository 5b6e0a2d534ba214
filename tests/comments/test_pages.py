"""Comments on pages: off unless staff switch them on; then exactly as on posts."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from comments.models import Comment
from pages.models import Page
from tests.blog.factories import make_editor, make_post, make_staff
from tests.comments.factories import add_comments, form_data, make_comment, make_moderator
from tests.pages.factories import make_page, page_form_data

pytestmark = pytest.mark.django_db


def submit_url(page):
    return f"/comments/page/{page.pk}/"


def test_switched_off_page_shows_no_comments_or_form_and_refuses_a_post(client):
    page = make_page(title="Join us")
    make_comment(page, body="An approved word from before")
    text = client.get(page.get_absolute_url()).text
    assert 'id="comments"' not in text
    assert 'name="body"' not in text
    assert "An approved word from before" not in text
    response = client.post(submit_url(page), form_data(body="Keep my words"))
    assert response.status_code == 403
    assert "does not take comments" in response.text
    assert "Keep my words" in response.text  # what the reader typed, to copy
    assert Comment.objects.count() == 1


def test_comment_on_a_page_is_held_then_shown_once_approved(
    client, django_capture_on_commit_callbacks
):
    page = make_page(title="Join us", allow_comments=True)
    make_moderator(email="mod@example.org")
    form = client.get(page.get_absolute_url()).text
    assert f'action="/comments/page/{page.pk}/#respond"' in form
    assert "csrfmiddlewaretoken" not in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(page), form_data(body="How do I join?"), follow=True)
    assert response.redirect_chain == [(f"/comments/page/{page.pk}/sent/", 302)]
    assert "under the page yet" in response.text
    assert "private" in response["Cache-Control"]
    comment = Comment.objects.get()
    assert (comment.page, comment.post, comment.status) == (page, None, Comment.Status.PENDING)
    assert comment.get_absolute_url() == f"/{page.path}/#comment-{comment.pk}"
    assert "How do I join?" not in client.get(page.get_absolute_url()).text
    [message] = mail.outbox
    assert "Join us" in message.subject and "Page: Join us" in message.body
    assert f"/admin/comments/comment/{comment.pk}/change/" in message.body

    moderator = make_moderator()
    client.force_login(moderator)
    listing = client.get("/admin/comments/comment/").text
    assert f'href="/{page.path}/"' in listing  # the comment's page, in the moderation queue
    client.post("/admin/comments/comment/", {"action": "approve", "_selected_action": [comment.pk]})
    client.logout()
    text = client.get(page.get_absolute_url()).text
    assert "How do I join?" in text and "1 Comment" in text


def test_a_reply_on_a_page_threads_under_its_parent(client):
    page = make_page(allow_comments=True)
    top = make_comment(page, author_name="Kim", body="First")
    url = page.get_absolute_url()
    assert f'href="{url}?replytocom={top.pk}#respond"' in client.get(url).text
    assert "Replying to Kim" in client.get(f"{url}?replytocom={top.pk}").text
    client.post(submit_url(page), form_data(parent=str(top.pk), body="A reply"))
    reply = Comment.objects.get(body="A reply")
    assert (reply.parent, reply.depth, reply.page) == (top, 1, page)
    reply.status = Comment.Status.APPROVED
    reply.save()
    text = client.get(url).text
    assert text.index("First") < text.index("A reply")
    assert text.count('class="comment-list"') == 2  # the reply sits in a nested list


def test_a_comment_on_another_item_cannot_be_replied_to_from_a_page(client):
    page = make_page(allow_comments=True)
    elsewhere = make_comment(make_post())
    response = client.post(submit_url(page), form_data(parent=str(elsewhere.pk), body="x"))
    assert response.status_code == 400
    assert "not available" in response.text
    assert Comment.objects.count() == 1


def test_an_invalid_comment_comes_back_on_the_page_with_what_was_typed(client):
    page = make_page(title="Contact us", allow_comments=True)
    response = client.post(submit_url(page), form_data(email="nope", body="All my words"))
    assert response.status_code == 400
    assert "<h1>Contact us</h1>" in response.text
    assert "All my words</textarea>" in response.text
    assert 'id="id_email_error"' in response.text
    assert not Comment.objects.exists()


def test_draft_pages_take_no_comments_and_unknown_pages_are_404(client):
    draft = make_page(status=Page.Status.DRAFT, allow_comments=True)
    assert client.post(submit_url(draft), form_data()).status_code == 404
    assert client.post("/comments/page/987654/", form_data()).status_code == 404
    assert not Comment.objects.exists()


def test_a_page_comment_sent_from_another_site_is_refused(client):
    page = make_page(allow_comments=True)
    headers = {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"}
    response = client.post(submit_url(page), form_data(), **headers)
    assert response.status_code == 403
    assert "This form came from another website" in response.text
    assert not Comment.objects.exists()


def test_honeypot_and_rate_limit_apply_on_pages(client, settings):
    settings.COMMENTS_RATE_LIMIT = 2
    page = make_page(allow_comments=True)
    response = client.post(submit_url(page), form_data(body="bot", leave_empty="x"))
    assert response.status_code == 302  # the same answer for everyone
    assert Comment.objects.get().status == Comment.Status.SPAM
    assert client.post(submit_url(page), form_data(body="two")).status_code == 302
    response = client.post(submit_url(page), form_data(body="three"))
    assert response.status_code == 429
    assert Comment.objects.count() == 2


def test_a_page_with_200_comments_keeps_its_query_budget_and_pages_threads(
    client, settings, django_assert_max_num_queries
):
    settings.COMMENTS_THREADS_PER_PAGE = 20
    small = make_page(allow_comments=True)
    make_comment(small)
    page = make_page(allow_comments=True)
    add_comments(page, 200)
    # With nothing cached, the same budget whatever the number of comments: the page, the
    # generations, breadcrumb and children, menus and site text, and the thread's shape and
    # its page of comments (8 measured for the first page, 6 once menus are cached); warm,
    # the page, the generations and the section's generation.
    for url in (small.get_absolute_url(), page.get_absolute_url()):
        with django_assert_max_num_queries(8):
            response = client.get(url)
        with django_assert_max_num_queries(3):
            assert client.get(url).status_code == 200
    assert "200 Comments" in response.text
    assert response.text.count('class="comment"') == 20
    assert f'href="/{page.path}/?cpage=2#comments"' in response.text
    last = client.get(f"{page.get_absolute_url()}?cpage=10")
    assert last.text.count('class="comment"') == 20
    assert client.get(f"{page.get_absolute_url()}?cpage=11").status_code == 404


def test_site_feed_carries_page_comments_linking_to_the_page(client):
    page = make_page(title="Join us", allow_comments=True)
    make_comment(page, body="On the page")
    make_comment(make_page(), body="Switched off")
    make_comment(make_post(), body="On a post")
    feed = client.get("/comments/feed/").text
    assert "On the page" in feed and "On a post" in feed
    assert "Switched off" not in feed
    assert f"/{page.path}/#comment-" in feed
    assert "on “Join us”" in feed


def test_editors_switch_comments_on_and_authors_cannot(client):
    client.force_login(make_editor())
    client.post("/admin/pages/page/add/", page_form_data(allow_comments="on"))
    assert Page.objects.get(slug="about-us").allow_comments
    author = make_staff("Author")
    client.force_login(author)
    data = page_form_data(title="Mine", slug="mine", allow_comments="on")
    assert client.post("/admin/pages/page/add/", data).status_code == 302
    assert not Page.objects.get(slug="mine").allow_comments


def test_a_comment_is_on_exactly_one_post_or_page():
    page, post = make_page(), make_post()
    for fields in ({}, {"page": page, "post": post}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Comment.objects.create(author_name="x", author_email="x@", body="x", **fields)
    assert not Comment.objects.exists()
