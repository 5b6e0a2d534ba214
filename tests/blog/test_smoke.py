from blog.models import Post
from tests.blog.factories import make_post


def test_home_lists_published_posts(client, db):
    make_post(title="Peer-led news")
    make_post(title="Secret draft", status=Post.Status.DRAFT)
    response = client.get("/")
    assert response.status_code == 200
    assert "Peer-led news" in response.text
    assert "Secret draft" not in response.text


def test_post_detail_answers_on_its_permalink(client, db):
    post = make_post(title="A permalink")
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert "A permalink" in response.text
