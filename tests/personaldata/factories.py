"""A person with something of everything: comments (one replied to), sign-ups, contact
messages, emails."""

from campaigns.models import Supporter
from comments.models import Comment
from contact.models import ContactMessage
from outbox.api import enqueue
from tests.blog.factories import make_post
from tests.campaigns.factories import make_campaign, make_supporter
from tests.comments.factories import make_comment


def make_person(email="Person.Held@Example.org"):
    post = make_post(title="A post they commented on")
    mine = make_comment(post, author_email=email, author_name="Held Person", ip_hash="h" * 64)
    make_comment(post, author_email=email.lower(), status=Comment.Status.PENDING)
    make_comment(post, parent=mine, author_email="other@example.org", body="A reply by another.")
    confirmed = make_supporter(make_campaign(), email=email, name="Held Person", wants_updates=True)
    pending = make_supporter(make_campaign(), email=email.upper(), status=Supporter.Status.PENDING)
    enqueue(to=email, subject="Welcome", body="Hello.", topic=f"supporter:{confirmed.pk}")
    ContactMessage.objects.create(
        topic="media", name="Held Person", reply_to=email.lower(), message="An interview?"
    )
    ContactMessage.objects.create(topic="general", reply_to="+44 20 7946 0000", message="Call me")
    return {"email": email, "post": post, "supporters": [confirmed, pending]}
