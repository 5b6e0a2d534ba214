import pytest
from django.core.cache import cache

from campaigns import tokens
from campaigns.models import CampaignDocument, Supporter
from menus.models import Menu, MenuItem
from tests.blog.factories import make_category, make_post
from tests.campaigns.factories import make_campaign, make_document, make_supporter, pdf_upload
from tests.comments.factories import make_comment
from tests.core.factories import image_file
from tests.pages.factories import make_page


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site():
    """A little of everything the public sees: a post with a thread, a campaign with a goal,
    documents, public names and country counts."""
    regional = make_category(name="Regional Information", slug="regional-information")
    europe = make_category(name="Europe", slug="europe", parent=regional)
    campaign = make_campaign(
        title="Drug User Peace Initiative",
        slug="dupi",
        body="<h2>Why peace</h2><p>Text.</p>",
        signup_goal=1000,
        list_supporter_names=True,
        call_to_action="Add your name.",
        acknowledgements="Funded by friends.",
    )
    post = make_post(
        title="My Treatment, Their Treatment, My Hell",
        categories=[regional, europe],
        tags=["stigma"],
        body="<p>Intro.</p><!--more--><h2>Part</h2><p>More.</p>",
        featured_image_alt="A drawing",
        campaign=campaign,
    )
    post.featured_image.save("cover.jpg", image_file())
    first = make_comment(post, author_name="Marta", author_url="https://example.org/")
    make_comment(post, author_name="Jonas", parent=first)
    foreword = CampaignDocument.Kind.FOREWORD
    make_document(campaign, title="Foreword", slug="foreword", kind=foreword, file=pdf_upload())
    make_document(campaign, title="A War on Women who Use Drugs", slug="women")
    for i in range(6):
        make_supporter(campaign, name=f"Peer {i}", country="PT", show_name=True)
    pending = make_supporter(campaign, status=Supporter.Status.PENDING, confirmed_at=None)
    about = make_page(title="About us", slug="about-us", excerpt="Who we are.",
                      body="<h2>Our work</h2><p>Peer-led.</p>")  # fmt: skip
    history = make_page(title="Our history", slug="our-history", parent=about)
    contact = make_page(title="Contact", slug="contact", show_contact_form=True)
    header = Menu.objects.create(location="header")
    top = MenuItem.objects.create(menu=header, page=about, order=1)
    MenuItem.objects.create(menu=header, page=history, parent=top)
    MenuItem.objects.create(menu=header, url="/", label="News", order=0)
    MenuItem.objects.create(menu=header, url="/campaigns/", label="Campaigns", order=2)
    MenuItem.objects.create(menu=header, page=contact, order=3)
    MenuItem.objects.create(menu=header, url="/search/", label="Search", order=4)
    return {
        "post": post,
        "campaign": campaign,
        "manage_token": tokens.make_manage_token(pending),
        "confirm_token": tokens.make_confirm_token(pending),
        "unsubscribe_token": tokens.make_unsubscribe_token(pending),
    }


def public_urls(site):
    """Every kind of public page, by name, with the status it answers."""
    post, campaign = site["post"], site["campaign"]
    year = post.publish_at.year
    return {
        "home": ("/", 200),
        "post": (post.get_absolute_url(), 200),
        "category": ("/category/regional-information/", 200),
        "tag": ("/tag/stigma/", 200),
        "author": (post.author.get_absolute_url(), 200),
        "year": (f"/{year}/", 200),
        "month": (f"/{year}/{post.publish_at:%m}/", 200),
        "search": ("/search/?q=treatment", 200),
        "search-empty": ("/search/", 200),
        "search-nothing": ("/search/?q=zzyzx", 200),
        "search-bad": ("/search/?q=%01bad", 400),
        "not-found": ("/no-such-page/", 404),
        "campaigns": ("/campaigns/", 200),
        "campaign": (campaign.get_absolute_url(), 200),
        "document": (f"/campaigns/{campaign.slug}/foreword/", 200),
        "signup-sent": (f"/campaigns/{campaign.slug}/check-your-email/", 200),
        "signup-thanks": (f"/campaigns/{campaign.slug}/thank-you/", 200),
        "supporter-confirm": (f"/campaigns/supporter/{site['confirm_token']}/confirm/", 200),
        "supporter-manage": (f"/campaigns/supporter/{site['manage_token']}/", 200),
        "supporter-bad-link": ("/campaigns/supporter/nonsense/", 400),
        "supporter-withdrawn": ("/campaigns/supporter/withdrawn/", 200),
        "supporter-unsubscribe": (
            f"/campaigns/supporter/unsubscribe/{site['unsubscribe_token']}/",
            200,
        ),
        "your-data": ("/your-data/", 200),
        "your-data-sent": ("/your-data/check-your-email/", 200),
        "your-data-bad-link": ("/your-data/nonsense/", 400),
        "page": ("/about-us/", 200),
        "child-page": ("/about-us/our-history/", 200),
        "contact": ("/contact/", 200),
    }
