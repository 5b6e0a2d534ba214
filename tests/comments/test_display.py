import re
from datetime import timedelta

import pytest
from django.utils import timezone

from comments.models import Comment
from tests.blog.factories import make_post
from tests.comments.factories import make_comment

pytestmark = pytest.mark.django_db


def section(html):
    return html[html.index('<section class="comments"') :]


def test_only_approved_comments_are_shown(client):
    post = make_post()
    make_comment(post, body="approved words")
    for status in ("pending", "spam", "removed"):
        make_comment(post, body=f"{status} words", status=status)
    page = client.get(post.get_absolute_url()).text
    assert "approved words" in page
    for status in ("pending", "spam", "removed"):
        assert f"{status} words" not in page


def test_thread_is_nested_oldest_first_with_permalinks(client):
    post = make_post()
    now = timezone.now()
    first = make_comment(post, body="first", submitted_at=now - timedelta(hours=5))
    second = make_comment(post, body="second", submitted_at=now - timedelta(hours=4))
    reply = make_comment(post, body="reply", parent=first, submitted_at=now - timedelta(hours=3))
    deeper = make_comment(post, body="deeper", parent=reply, submitted_at=now)
    html = section(client.get(post.get_absolute_url()).text)
    positions = [html.index(f'id="comment-{c.pk}"') for c in (first, reply, deeper, second)]
    assert positions == sorted(positions)
    for c in (first, second, reply, deeper):
        assert f'<a class="comment-permalink" href="#comment-{c.pk}">' in html
    # The reply sits in a list nested inside the first comment's list item.
    first_item = html[
        html.index(f'id="comment-{first.pk}"') : html.index(f'id="comment-{second.pk}"')
    ]
    assert first_item.count('<ol class="comment-list">') == 2
    assert '<time datetime="' in html


def test_reply_whose_parent_is_not_approved_still_shows(client):
    post = make_post()
    held = make_comment(post, status=Comment.Status.REMOVED, body="gone")
    make_comment(post, parent=held, body="orphan reply")
    page = client.get(post.get_absolute_url()).text
    assert "orphan reply" in page
    assert "gone" not in page
    assert "1 Comment" in page


def test_body_is_escaped_with_line_breaks_and_nofollow_links(client):
    post = make_post()
    make_comment(
        post,
        body="<b>bold?</b> & more\nsecond line\n\nnew paragraph: see https://example.org/x?a=1&b=2",
    )
    html = section(client.get(post.get_absolute_url()).text)
    assert "&lt;b&gt;bold?&lt;/b&gt; &amp; more<br>second line</p>" in html
    assert (
        '<p>new paragraph: see <a href="https://example.org/x?a=1&amp;b=2" rel="nofollow ugc">'
        in html
    )
    assert "<b>bold?</b>" not in html


def test_forged_rel_attribute_in_text_stays_text(client):
    post = make_post()
    make_comment(post, body='<a href="https://evil.example" rel="nofollow">x</a>')
    html = section(client.get(post.get_absolute_url()).text)
    # The address itself becomes our own nofollow link; the forged tag stays visible text.
    assert 'rel="nofollow">x</a>' not in html
    assert "&lt;a href=&quot;" in html
    assert "rel=&quot;nofollow&quot;&gt;x&lt;/a&gt;" in html


def test_author_is_linked_with_nofollow_ugc_only_with_a_website(client):
    post = make_post()
    make_comment(post, author_name="Lena", author_url="https://lena.example/")
    make_comment(post, author_name="Omar")
    make_comment(post, author_name="Imported", author_url="javascript:alert(1)")
    html = section(client.get(post.get_absolute_url()).text)
    assert '<a href="https://lena.example/" rel="nofollow ugc">Lena</a>' in html
    assert '<span class="comment-author">Omar</span>' in html
    assert '<span class="comment-author">Imported</span>' in html
    assert "javascript:" not in html


def test_reply_link_prefills_the_form_without_javascript(client):
    post = make_post()
    top = make_comment(post, author_name="Marta")
    url = post.get_absolute_url()
    page = client.get(url).text
    assert f'href="{url}?replytocom={top.pk}#respond"' in page
    replying = client.get(f"{url}?replytocom={top.pk}").text
    assert "Replying to Marta" in replying
    assert f'name="parent" value="{top.pk}"' in replying
    assert f'href="{url}#respond">Cancel reply</a>' in replying
    assert "Post reply" in replying


# "%C2%B2" is "²": str.isdigit() accepts it, int() does not (it was a 500).
@pytest.mark.parametrize("value", ["abc", "999999", "9" * 40, "", "%C2%B2", "%D9%A1"])
def test_bad_replytocom_is_ignored(client, value):
    post = make_post()
    make_comment(post)
    page = client.get(f"{post.get_absolute_url()}?replytocom={value}")
    assert page.status_code == 200
    assert "Replying to" not in page.text
    assert "Leave a comment" in page.text


def test_replytocom_to_a_held_comment_is_ignored(client):
    post = make_post()
    held = make_comment(post, status=Comment.Status.PENDING, author_name="Held")
    page = client.get(f"{post.get_absolute_url()}?replytocom={held.pk}").text
    assert "Replying to" not in page


def test_no_reply_link_at_the_maximum_depth(client, settings):
    settings.COMMENTS_MAX_DEPTH = 2
    post = make_post()
    top = make_comment(post)
    reply = make_comment(post, parent=top)
    page = client.get(post.get_absolute_url()).text
    assert f"replytocom={top.pk}#" in page
    assert f"replytocom={reply.pk}#" not in page
    assert "Replying to" not in client.get(f"{post.get_absolute_url()}?replytocom={reply.pk}").text


def test_form_has_labels_privacy_note_and_honeypot_and_sets_no_cookie(client):
    post = make_post()
    page = client.get(post.get_absolute_url()).text
    for field, label in [("name", "Name"), ("email", "Email"), ("body", "Comment")]:
        assert f'<label for="id_{field}">{label}</label>' in page
    assert '<label for="id_website">Website (optional)</label>' in page
    assert "Your email is never shown." in page
    assert 'name="leave_empty"' in page
    assert 'name="csrfmiddlewaretoken"' not in page
    assert not client.get(post.get_absolute_url()).cookies
    assert f'action="/comments/post/{post.pk}/#respond"' in page


@pytest.mark.parametrize(
    ("approved", "text"), [(0, "Leave a comment"), (1, "1 Comment"), (3, "3 Comments")]
)
def test_counts_on_home_and_post_pages(client, approved, text):
    post = make_post()
    for _ in range(approved):
        make_comment(post)
    make_comment(post, status=Comment.Status.PENDING)
    make_comment(post, status=Comment.Status.SPAM)
    link = f'<a href="{post.get_absolute_url()}#comments">{text}</a>'
    assert link in client.get("/").text
    assert link in client.get(post.get_absolute_url()).text


def test_emails_and_ip_hashes_never_appear_on_public_pages(client):
    post = make_post()
    comments = [
        make_comment(post, author_email="hidden1@example.org", ip_hash="a1" * 32),
        make_comment(post, author_email="hidden2@example.org", ip_hash="b2" * 32),
    ]
    make_comment(post, parent=comments[0], author_email="hidden3@example.org", ip_hash="c3" * 32)
    pages = [
        client.get("/").text,
        client.get(post.get_absolute_url()).text,
        client.get(f"{post.get_absolute_url()}?replytocom={comments[0].pk}").text,
        client.get("/comments/feed/").text,
        client.get(f"/comments/feed/{post.pk}/").text,
    ]
    assert all(page for page in pages)
    for page in pages:
        for secret in ("hidden1@", "hidden2@", "hidden3@", "a1" * 32, "b2" * 32, "c3" * 32):
            assert secret not in page
        assert "@example.org" not in page


def make_thread(post, count):
    """`count` approved comments: roots with replies two levels deep, in bulk."""
    now = timezone.now()
    parents = {0: None, 1: None}
    made = 0
    while made < count:
        depth = made % 3
        comment = Comment.objects.create(
            post=post,
            parent=parents.get(depth - 1) if depth else None,
            depth=depth,
            author_name=f"Reader {made}",
            author_email=f"r{made}@example.org",
            author_url="https://example.org/" if made % 2 else "",
            body=f"Comment {made} with a link https://example.org/{made}\nand a second line",
            status=Comment.Status.APPROVED,
            submitted_at=now - timedelta(minutes=count - made),
        )
        parents[depth] = comment
        made += 1


def test_post_page_with_1000_threaded_comments_shows_a_page_of_whole_threads(
    client, django_assert_max_num_queries, settings
):
    settings.COMMENTS_THREADS_PER_PAGE = 20
    post = make_post()
    make_thread(post, 1000)  # 334 threads of a comment and two levels of replies
    # The post page's budget (tests/blog/test_queries.py), the thread being one of them, plus
    # one: a thread longer than a page is read as its shape, then the page's comments.
    with django_assert_max_num_queries(11):
        response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert "1,000 Comments" in response.text or "1000 Comments" in response.text
    assert len(re.findall(r'<article id="comment-\d+"', response.text)) == 60  # 20 whole threads
    assert "Comments page 1 of 17" in response.text
    assert f'href="{post.get_absolute_url()}?cpage=2#comments" rel="next"' in response.text
    assert len(response.content) < 60 * 1024
    with django_assert_max_num_queries(11):
        last = client.get(post.get_absolute_url(), {"cpage": 17})
    assert len(re.findall(r'<article id="comment-\d+"', last.text)) == 1000 - 16 * 60
    assert "Comment 999 with a link" in last.text
    assert "Comment 0 with a link" not in last.text


@pytest.mark.parametrize("cpage", ["0", "3", "abc", "²", "9" * 40])
def test_a_page_of_comments_that_does_not_exist_is_a_404(client, settings, cpage):
    settings.COMMENTS_THREADS_PER_PAGE = 2
    post = make_post()
    make_thread(post, 12)
    assert client.get(post.get_absolute_url(), {"cpage": cpage}).status_code == 404


def test_a_reply_link_opens_the_page_of_the_comment_it_replies_to(client, settings):
    settings.COMMENTS_THREADS_PER_PAGE = 2
    post = make_post()
    make_thread(post, 12)  # 4 threads of 3: pages of 2 threads
    late_root = Comment.objects.filter(depth=0).order_by("submitted_at")[3]
    html = client.get(post.get_absolute_url(), {"replytocom": late_root.pk}).text
    assert "Comments page 2 of 2" in html
    assert f"Replying to {late_root.author_name}" in html


def test_post_page_with_a_few_comments_uses_the_same_number_of_queries(
    client, django_assert_max_num_queries
):
    post = make_post()
    make_thread(post, 3)
    with django_assert_max_num_queries(10):
        assert client.get(post.get_absolute_url()).status_code == 200


def test_home_page_counts_do_not_grow_with_comments(client, django_assert_max_num_queries):
    for n in range(10):
        make_thread(make_post(), 30 + n)
    # The home page's budget with nothing cached (tests/blog/test_queries.py).
    with django_assert_max_num_queries(10):
        response = client.get("/")
    assert response.status_code == 200
    assert "39 Comments" in response.text
    assert "30 Comments" in response.text


def test_a_comments_link_opens_the_page_of_comments_that_shows_it(client, settings):
    settings.COMMENTS_THREADS_PER_PAGE = 2
    post = make_post()
    start = timezone.now() - timedelta(hours=1)
    first = make_comment(post, submitted_at=start)
    make_comment(post, submitted_at=start + timedelta(minutes=1))
    third = make_comment(post, submitted_at=start + timedelta(minutes=2))
    reply = make_comment(post, parent=third, submitted_at=start + timedelta(minutes=3))
    make_comment(post, status="pending", parent=first)
    assert first.get_absolute_url() == f"{post.get_absolute_url()}#comment-{first.pk}"
    for comment in (third, reply):  # a reply is shown with its thread, on the thread's page
        url = comment.get_absolute_url()
        assert url == f"{post.get_absolute_url()}?cpage=2#comment-{comment.pk}"
        path, _fragment = url.split("#")
        assert f'id="comment-{comment.pk}"' in client.get(path).text
