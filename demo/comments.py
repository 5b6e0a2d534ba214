"""Demo comments: the approved counts the old blog page shows (3 and 2), in our own words."""

from datetime import timedelta

from blog.models import Post
from comments.models import Comment

THREADS = {
    "my-treatment-their-treatment-my-hell": [
        {
            "name": "Marta",
            "email": "marta@example.org",
            "days": 1,
            "body": "Thank you for writing this. I was also asked about my drug use before "
            "anyone asked how I was feeling. Being heard should not depend on a urine test.",
        },
        {
            "name": "Jonas",
            "email": "jonas@example.org",
            "days": 2,
            "reply_to": 0,
            "body": "Same here. Our peer group now goes with people to their first "
            "appointment. It changes how staff talk to you.",
        },
        {
            "name": "Lena",
            "email": "lena@example.org",
            "url": "https://example.org/",
            "days": 4,
            "body": "Sharing this with our women's group. Services need to hear it.",
        },
    ],
    "drug-user-peace-initiative-launched": [
        {
            "name": "Tomás",
            "email": "tomas@example.org",
            "days": 1,
            "body": "Congratulations on the launch. We are translating the summary so our "
            "members can use it in meetings with the health ministry.",
        },
        {
            "name": "Aisha",
            "email": "aisha@example.org",
            "days": 3,
            "body": "The chapter on women is the one I will be quoting most. Signed up.",
        },
    ],
}


def load(stdout):
    created = 0
    for slug, comments in THREADS.items():
        post = Post.objects.filter(slug=slug).first()
        if post is None:
            continue
        stored = []
        for data in comments:
            parent = stored[data["reply_to"]] if "reply_to" in data else None
            comment, was_created = Comment.objects.get_or_create(
                post=post,
                author_email=data["email"],
                body=data["body"],
                defaults={
                    "parent": parent,
                    "depth": parent.depth + 1 if parent else 0,
                    "author_name": data["name"],
                    "author_url": data.get("url", ""),
                    "status": Comment.Status.APPROVED,
                    "submitted_at": post.publish_at + timedelta(days=data["days"]),
                },
            )
            stored.append(comment)
            created += was_created
    stdout.write(f"comments: {created} demo comments created")
