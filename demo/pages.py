"""Demo pages (About us with a child, Join us, Contact, Key publications, Privacy policy),
the header and footer menus, and the site text record.

The privacy policy is written from the settings that decide what is kept and for how long,
so it says what this code does (tests/demo/test_pages.py reads the same settings).
"""

from django.conf import settings
from django.utils import timezone

from campaigns.models import Campaign
from menus.models import Menu, MenuItem, SiteText
from pages.models import Page

PUBLISHED = Page.Status.PUBLISHED
PEACE = "drug-user-peace-initiative"


def privacy_policy():
    """The policy's body, from the settings it names."""
    s = settings
    return f"""
<p>Reading this website is between you and us. This page says exactly what the site keeps,
and for how long.</p>
<h2>Reading</h2>
<ul>
<li>No cookies are set for readers: reading pages, searching and following feeds leaves no
cookie in your browser. Only staff who log in to write get a session cookie.</li>
<li>No trackers, no adverts, no analytics, and nothing is loaded from other websites: no
fonts, videos or scripts from elsewhere.</li>
<li>Your IP address is never stored. Where the site limits how often something can be sent
(comments, sign-ups, contact messages), it keeps only a salted hash of the address, which
cannot be turned back into it. Those counts are deleted when their time window ends.</li>
</ul>
<h2>Comments</h2>
<p>A comment keeps the name, the email address and the text you write. The email address
is never shown. The hash of your IP address and your browser's name are kept with the
comment for {s.COMMENTS_METADATA_RETENTION_DAYS} days to fight spam, then deleted.</p>
<h2>Signing up to a campaign</h2>
<p>A sign-up keeps your name, email address, country and, if you give one, your
organisation. You confirm by email; a sign-up that is not confirmed is deleted after
{s.CAMPAIGNS_PENDING_RETENTION_DAYS} days. You choose whether your name is shown, and you
can withdraw at any time with the link in our emails. We keep the wording you agreed to.
Campaign updates go only to those who ticked the box, and every update has a one-click link
to stop them. Names and email addresses of supporters are blanked
{s.SUPPORTERS_KEEP_MONTHS_AFTER_CLOSE} months after a campaign closes; only the counts and
countries remain.</p>
<h2>Contact messages</h2>
<p>A message sent with our contact form keeps the topic, the message, and the name and way
to reply only if you give them, with the hash of your IP address. Staff are told by email
only that a message arrived: the message itself never travels by email. Messages are
deleted after {s.CONTACT_MESSAGES_KEEP_DAYS} days.</p>
<h2>Emails we send</h2>
<p>Copies of the emails we send (confirmations, replies to staff) are deleted
{s.OUTBOX_RETENTION_DAYS} days after they were sent.</p>
<h2>Your rights</h2>
<p>On the <a href="/your-data/">Your data</a> page, enter your email address: if we hold
anything about it, we email you a link to see it, download it or erase it. You can also
write to us through the contact page to see, correct or delete what we hold about you.</p>
""".strip()


def _documents_list():
    campaign = Campaign.objects.filter(slug=PEACE).first()
    if campaign is None:
        return ""
    items = "".join(
        f'<li><a href="{doc.get_absolute_url()}">{doc.title}</a></li>'
        for doc in campaign.documents.order_by("order", "pk")
    )
    return (
        f'<h2>The <a href="{campaign.get_absolute_url()}">Drug User Peace Initiative</a></h2>'
        f"<ul>{items}</ul>"
    )


PAGES = [
    # slug, parent slug, order, title, excerpt, body, extra fields
    ("about-us", None, 1, "About us", "A global, peer-led network of people who use drugs.",
     "<p>We are people who use or have used drugs, organised in networks in every region. "
     "We speak for ourselves on the policies that shape our lives: nothing about us without "
     "us.</p>", {}),
    ("our-history", "about-us", 1, "Our history", "How the network began.",
     "<p>The network was founded by activists who use drugs, who met at international "
     "conferences and decided to organise. It has grown into a global voice for the health "
     "and rights of people who use drugs.</p>", {}),
    ("join-us", None, 2, "Join us", "Networks and individuals can join.",
     "<p>Membership is open to networks and individuals who use or have used drugs, and "
     "share our goals. Tell us about yourself through the contact page.</p>", {}),
    ("key-publications", None, 3, "Key publications", "Our papers and reports.", None, {}),
    ("contact", None, 4, "Contact", "Write to us: a question, an idea, a request.",
     "<p>Use the form below. Give a way to reply only if you want an answer.</p>",
     {"show_contact_form": True}),
    ("privacy-policy", None, 5, "Privacy policy", "What this site keeps, and for how long.",
     None, {}),
]  # fmt: skip


def _page(slug, parent, order, title, excerpt, body, extra):
    if slug == "key-publications":
        body = "<p>Papers written by and for people who use drugs.</p>" + _documents_list()
    if slug == "privacy-policy":
        body = privacy_policy()
    page, created = Page.objects.get_or_create(
        slug=slug,
        parent=parent,
        defaults={"title": title, "order": order, "excerpt": excerpt, "body": body,
                  "status": PUBLISHED, "publish_at": timezone.now(), **extra},
    )  # fmt: skip
    return page, created


def _menus(pages):
    header, made = Menu.objects.get_or_create(location=Menu.Location.HEADER)
    if made:
        MenuItem.objects.create(menu=header, url="/", label="News", order=0)
        about = MenuItem.objects.create(menu=header, page=pages["about-us"], order=1)
        MenuItem.objects.create(menu=header, page=pages["our-history"], parent=about)
        MenuItem.objects.create(menu=header, url="/campaigns/", label="Campaigns", order=2)
        for n, slug in enumerate(("key-publications", "join-us", "contact"), start=3):
            MenuItem.objects.create(menu=header, page=pages[slug], order=n)
    footer, made = Menu.objects.get_or_create(location=Menu.Location.FOOTER)
    if made:
        for n, slug in enumerate(("contact", "privacy-policy")):
            MenuItem.objects.create(menu=footer, page=pages[slug], order=n)
        MenuItem.objects.create(menu=footer, url="/feed/", label="RSS feed", order=5)


def load(stdout):
    pages, created = {}, 0
    for slug, parent, *rest in PAGES:
        pages[slug], made = _page(slug, pages.get(parent), *rest)
        created += made
    _menus(pages)
    if not SiteText.objects.exists():
        SiteText().save()
    stdout.write(f"pages: {created} demo pages created, {len(PAGES) - created} already there")
