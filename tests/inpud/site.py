"""A small site full of private data and hostile text, and every public address it has.

The cross-cutting tests (privacy, escaping, no third-party requests, CSP) crawl these pages,
so each check runs against every public page and feed rather than the ones someone remembered.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from campaigns.models import Campaign, Supporter
from campaigns.tokens import make_confirm_token, make_manage_token, make_unsubscribe_token
from comments.models import Comment
from menus.models import Menu, MenuItem, SiteText
from personaldata.links import make_token
from personaldata.models import DataRequest
from tests.blog.factories import make_author, make_category, make_post, make_user
from tests.campaigns.factories import make_campaign, make_document, make_supporter
from tests.comments.factories import make_comment
from tests.core.factories import image_file
from tests.pages.factories import make_page

# Private values that must never reach a public page or feed.
STAFF_USERNAME = "zq-login-name-7731"
STAFF_EMAIL = "zq-staff-7731@private.example"
COMMENTER_EMAIL = "zq-commenter-7731@private.example"
SUPPORTER_EMAIL = "zq-supporter-7731@private.example"
PENDING_SUPPORTER_EMAIL = "zq-pending-7731@private.example"
CONTACT_SENDER_EMAIL = "zq-contact-7731@private.example"
COMMENTER_IP = "203.0.113.177"

# Hostile text put in every field a reader or staff member can fill.
SCRIPT = '<script>alert("xss")</script>'
ATTRIBUTE = '" onmouseover="alert(1)'
HOSTILE = f"Hostile {SCRIPT} {ATTRIBUTE} <img src=x onerror=alert(2)>"


@dataclass
class Site:
    post: object = None
    campaign: object = None
    document: object = None
    supporter: object = None
    pending: object = None
    comment: object = None
    html_urls: list = field(default_factory=list)
    feed_urls: list = field(default_factory=list)
    secrets: list = field(default_factory=list)
    # A person's own data page, opened from the link mailed to them: it shows their address
    # by design (what we hold), so it is crawled for everything but the privacy check.
    own_data_url: str = ""

    @property
    def urls(self):
        return self.html_urls + self.feed_urls


def build_site(client):
    """Posts, comments (one sent through the real form), a campaign and its supporters."""
    user = make_user(username=STAFF_USERNAME, email=STAFF_EMAIL)
    author = make_author(user=user, display_name=f"Author {HOSTILE}", slug="hostile-author")
    author.bio = f"Bio {HOSTILE}"
    author.save()
    parent = make_category(name=f"Parent {HOSTILE}", slug="parent-cat", description=HOSTILE)
    child = make_category(name=f"Child {HOSTILE}", slug="child-cat", parent=parent)
    campaign = make_campaign(
        title=f"Campaign {HOSTILE}",
        slug="hostile-campaign",
        summary=f"Summary {HOSTILE}",
        body=f"<p>Body {SCRIPT}<a href='javascript:alert(3)' onclick='x()'>link</a></p>",
        call_to_action=f"Act {HOSTILE}",
        thank_you_text=f"Thanks {HOSTILE}",
        acknowledgements=f"Funders {HOSTILE}",
        signup_goal=100,
        hero_image=image_file("hero.jpg", (1200, 600)),
        hero_image_alt=f"Hero {HOSTILE}",
    )
    document = make_document(
        campaign,
        title=f"Paper {HOSTILE}",
        slug="hostile-paper",
        summary=f"Paper summary {HOSTILE}",
        body=f"<p>Paper body</p>{SCRIPT}<p style='color:red' onclick='x()'>styled</p>",
    )
    make_document(campaign, title="Second paper", slug="second-paper")
    supporter = make_supporter(
        campaign, name=f"Named {HOSTILE}", email=SUPPORTER_EMAIL, show_name=True, country="KE"
    )
    for n in range(5):  # enough in one country for it to be shown by name
        make_supporter(campaign, email=f"zq-kenya-{n}@private.example", country="KE")
    pending = make_supporter(
        campaign,
        name="Pending Person",
        email=PENDING_SUPPORTER_EMAIL,
        status=Supporter.Status.PENDING,
    )
    post = make_post(
        title=f"Title {HOSTILE}",
        slug="hostile-post",
        author=author,
        excerpt=f"Excerpt {HOSTILE}",
        body=(
            f"<h2>Heading</h2><p>First {SCRIPT}</p><!--more--><p onclick='x()'>Rest "
            "<a href='javascript:alert(4)'>bad link</a> <a href='https://elsewhere.example/'>"
            "a link out</a></p><figure class='image'><img src='https://tracker.example/t.gif' "
            "alt='An image from elsewhere'></figure><p><img src='//tracker.example/p.gif' "
            "alt='protocol-relative'><img src='/media/ours.jpg' alt='ours'></p>"
        ),
        categories=[child],
        tags=[f"Tag {HOSTILE}"[:90]],
        featured_image=image_file("featured.jpg", (1000, 500)),
        featured_image_alt=f"Alt {HOSTILE}",
        featured_image_credit=f"Credit {HOSTILE}",
        featured_image_credit_url="https://photos.example.org/credit",
        campaign=campaign,
        publish_at=timezone.now() - timedelta(days=2),
    )
    make_post(title="Neighbour post", slug="neighbour-post", author=author, tags=[post.tags.get()])
    client.post(
        f"/comments/post/{post.pk}/",
        {
            "name": f"Reader {HOSTILE}"[:100],
            "email": COMMENTER_EMAIL,
            "website": "https://reader.example.org/",
            "body": f"Comment {HOSTILE} https://example.org/x",
            "parent": "",
            "leave_empty": "",
        },
        REMOTE_ADDR=COMMENTER_IP,
    )
    comment = Comment.objects.get(author_email=COMMENTER_EMAIL)
    comment.status = Comment.Status.APPROVED
    comment.save()
    make_comment(post, parent=comment, author_name="Replier", author_email=COMMENTER_EMAIL)
    assert not client.cookies  # commenting leaves no cookie behind

    about = make_page(title=f"About {HOSTILE}", slug="about-us", excerpt=f"Excerpt {HOSTILE}",
                      body=f"<p>About {SCRIPT}</p>", seo_description=f"SEO {HOSTILE}")  # fmt: skip
    history = make_page(title=f"History {HOSTILE}", slug="history", parent=about)
    contact = make_page(title="Contact", slug="contact", show_contact_form=True)
    header = Menu.objects.create(location="header")
    top = MenuItem.objects.create(menu=header, page=about, order=1)
    MenuItem.objects.create(menu=header, page=history, parent=top, label=f"Menu {HOSTILE}"[:100])
    MenuItem.objects.create(menu=header, page=contact, order=2)
    MenuItem.objects.create(menu=header, url="/campaigns/", label="Campaigns", order=3)
    SiteText.objects.create(tagline=f"Tagline {HOSTILE}"[:150], footer_text=f"Footer {HOSTILE}",
                            banner_heading=f"Banner {HOSTILE}"[:150])  # fmt: skip
    sent = client.post(
        "/contact/",
        {"topic": "general", "name": "Sender", "reply_to": CONTACT_SENDER_EMAIL,
         "message": f"Message {HOSTILE}", "website": ""},
        REMOTE_ADDR=COMMENTER_IP,
    )  # fmt: skip
    assert sent.status_code == 200 and not client.cookies

    tag = post.tags.get()
    day = post.local_publish_at
    site = Site(
        post=post,
        campaign=campaign,
        document=document,
        supporter=supporter,
        pending=pending,
        comment=comment,
    )
    data_link = make_token(DataRequest.objects.create(email=supporter.email))
    site.own_data_url = f"/your-data/{data_link}/"
    site.html_urls = [
        "/",
        "/?page=1",
        post.get_absolute_url(),
        f"{post.get_absolute_url()}?replytocom={comment.pk}",
        parent.get_absolute_url(),
        child.get_absolute_url(),
        f"/tag/{tag.slug}/",
        author.get_absolute_url(),
        f"/{day:%Y}/",
        f"/{day:%Y}/{day:%m}/",
        f"/{day:%Y}/{day:%m}/{day:%d}/",
        "/search/",
        "/search/?q=hostile",
        "/search/?q=" + "x" * 300,
        "/campaigns/",
        campaign.get_absolute_url(),
        document.get_absolute_url(),
        f"/campaigns/{campaign.slug}/check-your-email/",
        f"/campaigns/{campaign.slug}/thank-you/",
        f"/campaigns/supporter/{make_confirm_token(pending)}/confirm/",
        f"/campaigns/supporter/{make_manage_token(supporter)}/",
        "/campaigns/supporter/not-a-token/",
        "/campaigns/supporter/withdrawn/",
        f"/campaigns/supporter/unsubscribe/{make_unsubscribe_token(supporter)}/",
        "/your-data/",
        "/your-data/check-your-email/",
        f"/your-data/{data_link}/",
        "/your-data/not-a-token/",
        "/no-such-page/",
        "/?p=999999",
        about.get_absolute_url(),
        history.get_absolute_url(),
        contact.get_absolute_url(),
        "/?page_id=999999",
    ]
    site.feed_urls = [
        "/feed/",
        "/feed/atom/",
        f"{parent.get_absolute_url()}feed/",
        f"{child.get_absolute_url()}feed/atom/",
        f"/tag/{tag.slug}/feed/",
        f"/tag/{tag.slug}/feed/atom/",
        "/comments/feed/",
        f"/comments/feed/{post.pk}/",
        "/sitemap.xml",
        "/sitemap-posts.xml",
        "/sitemap-categories.xml",
        "/sitemap-tags.xml",
        "/sitemap-authors.xml",
        "/sitemap-pages.xml",
        "/robots.txt",
    ]
    site.secrets = [
        STAFF_USERNAME,
        STAFF_EMAIL,
        COMMENTER_EMAIL,
        SUPPORTER_EMAIL,
        PENDING_SUPPORTER_EMAIL,
        CONTACT_SENDER_EMAIL,
        "zq-kenya-",
        "private.example",
        COMMENTER_IP,
        comment.ip_hash,
    ]
    assert comment.ip_hash, "the comment was sent through the form, so it has an IP hash"
    assert Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.OPEN).exists()
    return site
