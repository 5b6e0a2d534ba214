import pytest

from tests.blog.factories import make_post
from tests.comments.factories import make_moderator


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reader_comments_and_a_moderator_approves_it(browser_page):
    page = browser_page
    post = make_post(title="Peer support saves lives")
    make_moderator(username="moderator", password="a-long-test-password")

    page.goto(post.get_absolute_url())
    page.get_by_label("Name", exact=True).fill("Kofi")
    page.get_by_label("Email", exact=True).fill("kofi@example.org")
    page.get_by_label("Comment", exact=True).fill("Our group in Accra says the same.\nThank you.")
    page.get_by_role("button", name="Post comment").click()
    page.get_by_role("heading", name="Thank you for your comment").wait_for()
    assert page.context.cookies() == []  # the reader leaves no trace, even after commenting
    page.get_by_role("link", name="Back to “Peer support saves lives”").click()
    assert "Our group in Accra" not in page.content()

    page.goto("/admin/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="1 comment is awaiting moderation").click()
    row = page.locator("#result_list tbody tr", has_text="Our group in Accra")
    row.locator("input.action-select").check()
    page.locator("select[name=action]").select_option("approve")
    page.get_by_role("button", name="Go").click()
    page.get_by_text("1 comment approved.").wait_for()

    page.goto(post.get_absolute_url())
    comment = page.locator("article.comment", has_text="Our group in Accra says the same.")
    assert comment.count() == 1
    assert "Kofi" in comment.inner_text()
    assert page.locator("h2#comments-title").inner_text() == "1 Comment"

    page.goto("/")
    card_count = page.locator(f'a[href="{post.get_absolute_url()}#comments"]')
    assert card_count.inner_text() == "1 Comment"
