"""Demo content: the category tree and the five posts of the network's old blog page.

Titles, dates and categories are facts from that page; the bodies are short summaries
written for this project.
"""

import io
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from blog.models import Author, Category, Post

CATEGORY_TREE = {
    "Campaigns": {},
    "INPUD": {},
    "Regional Information": {
        "Europe": {"Eastern European Countries": {}},
        "Latin Countries": {},
    },
    "Hepatitis C": {},
    "HIV/AIDS": {},
    "IHRA": {},
    "Injection Drug Use": {},
    "Research": {},
    "Women": {},
    "law enforcement": {},
    "methadone": {},
}

SLUGS = {"HIV/AIDS": "hiv-aids", "law enforcement": "law-enforcement"}

POSTS = [
    {
        "slug": "the-global-state-of-harm-reduction-for-2014",
        "title": "The Global State of Harm Reduction for 2014",
        "date": (2015, 1, 27),
        "categories": [
            "Eastern European Countries",
            "Europe",
            "Hepatitis C",
            "HIV/AIDS",
            "IHRA",
            "Latin Countries",
            "law enforcement",
            "methadone",
        ],
        "tags": ["harm reduction", "funding", "needle and syringe programmes", "naloxone"],
        "image": True,
        "excerpt": "",
        "body": (
            "<h2>We must not be left behind</h2>"
            "<p>Harm Reduction International has published its 2014 report on the state of "
            "harm reduction around the world. It shows that services which work, such as "
            "needle and syringe programmes, opioid substitution treatment and naloxone, are "
            "still out of reach for most people who inject drugs.</p><!--more-->"
            "<p>Our Executive Director wrote the foreword. He points out that donors spend "
            "a small fraction of what prevention needs while governments spend billions on "
            "arrest and prison, and that services only work when communities of people who "
            "use drugs shape and run them.</p>"
            "<h3>What the report found</h3>"
            "<ul><li>90 countries and territories run needle and syringe programmes; 68 "
            "countries with injecting drug use run none.</li>"
            "<li>80 countries and territories provide opioid substitution treatment, but "
            "only a small share of people who inject drugs can get it.</li>"
            "<li>There were 88 drug consumption rooms worldwide.</li>"
            "<li>Access to naloxone grew fastest in North America.</li></ul>"
            "<blockquote><p>Every person left behind has a right to life and to health."
            "</p></blockquote>"
        ),
    },
    {
        "slug": "my-treatment-their-treatment-my-hell",
        "title": "My Treatment, Their Treatment, My Hell",
        "date": (2015, 1, 22),
        "categories": ["Europe", "Injection Drug Use", "Regional Information", "Women"],
        "tags": ["mental health", "stigma", "treatment"],
        "excerpt": (
            "A member writes about asking for mental health care and being judged by her "
            "drug use history instead of being listened to."
        ),
        "body": (
            "<p>A member of our network describes what happens when a woman who uses drugs "
            "asks her local mental health team for help: the history of drug use is read "
            "first, and the person behind it is not heard.</p>"
            "<p>She argues for treatment centres that offer a range of approaches, that can "
            "manage prescribing safely, and that start from respect rather than blame.</p>"
            '<blockquote class="pullquote"><p>We deserve to be listened to and cared for.'
            "</p></blockquote>"
        ),
    },
    {
        "slug": "drug-user-peace-initiative-launched",
        "title": "Drug User Peace Initiative launched",
        "date": (2015, 1, 17),
        "categories": ["Campaigns", "INPUD"],
        "tags": ["Drug User Peace Initiative"],
        "excerpt": "",
        "body": (
            "<p>INPUD has launched the Drug User Peace Initiative: four linked documents, "
            "introduced by a foreword and an executive summary, that set out the harms of "
            "the war on drugs from the point of view of the people it targets.</p>"
            "<!--more-->"
            "<ol><li>Human Rights Violations of People who Use Drugs</li>"
            "<li>Stigmatising People who Use Drugs</li>"
            "<li>A War on the Health of People who Use Drugs</li>"
            "<li>A War on Women who Use Drugs</li></ol>"
            "<p>The documents will be our main advocacy tool on the road to the 2016 UN "
            "General Assembly Special Session on Drugs. Please sign up and support the "
            "campaign.</p>"
            "<p>The work was made possible in part by the Robert Carr civil society Networks "
            "Fund and by a grant from the Open Society Foundations.</p>"
        ),
    },
    {
        "slug": "the-lives-behind-the-diagnosis",
        "title": "The lives behind the diagnosis",
        "date": (2015, 1, 8),
        "categories": ["HIV/AIDS", "Injection Drug Use", "Research"],
        "tags": ["HIV", "disclosure", "CD4", "heroin", "research"],
        "excerpt": "",
        "body": (
            "<p>To tell or not to tell? We look at disclosing HIV status to sexual partners: "
            "whose responsibility it is, the risk of violence that disclosure can bring, and "
            "why good information about transmission matters to everyone involved.</p>"
            "<!--more-->"
            "<h2>Heroin use and CD4 counts</h2>"
            "<p>A 2014 study found lower CD4 counts in people with HIV who used heroin on and "
            "off than in those who used it steadily, which suggests that withdrawal itself "
            "may harm the immune system.</p>"
            "<p>Edelman EJ. <cite>AIDS Behav.</cite> 2014; doi:10.1007/s10461-014-0948-z.</p>"
        ),
    },
    {
        "slug": "harm-reduction-workers-union-takes-off-in-toronto",
        "title": "Harm Reduction Workers Union Takes Off in Toronto",
        "date": (2014, 11, 12),
        "categories": ["Campaigns"],
        "tags": ["union", "Toronto", "harm reduction workers", "labour", "solidarity"],
        "excerpt": (
            "INPUD stands in solidarity with the Toronto Harm Reduction Workers Union, the "
            "first union of its kind, which went public on 11 November 2014."
        ),
        "body": (
            "<p>The Toronto Harm Reduction Workers Union went public on 11 November 2014. "
            "Members of INPUD took part in the campaign that built it.</p>"
            "<p>Harm reduction workers, many of them people who use drugs, often work in "
            "precarious jobs that depend on short grants. The union organises for better "
            "working conditions and better services.</p>"
            "<h2>Join in</h2><p>Want to organise harm reduction workers where you live? Get in "
            "touch with the union and with us.</p>"
        ),
    },
]


def ensure_author(user, *, display_name, slug, bio=""):
    author, _ = Author.objects.get_or_create(
        user=user, defaults={"display_name": display_name, "slug": slug, "bio": bio}
    )
    return author


def _categories():
    by_name = {}

    def walk(tree, parent):
        for name, children in tree.items():
            slug = SLUGS.get(name, name.lower().replace(" ", "-").replace("/", "-"))
            category, _ = Category.objects.get_or_create(
                slug=slug, defaults={"name": name, "parent": parent}
            )
            by_name[name] = category
            walk(children, category)

    walk(CATEGORY_TREE, None)
    return by_name


def demo_image_bytes(title: str) -> bytes:
    """A poster-like JPEG drawn with Pillow, so the demo needs no downloaded image."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1600, 900), "#6b1d5e")
    draw = ImageDraw.Draw(image)
    for i in range(0, 1600, 80):
        draw.rectangle([i, 700 - (i % 400), i + 60, 900], fill="#8e3b7f")
    draw.text((80, 120), title, fill="#ffffff", font_size=72)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def load(stdout):
    user, _ = get_user_model().objects.get_or_create(
        username="secretariat", defaults={"is_active": True}
    )
    if user.has_usable_password():
        user.set_unusable_password()
        user.save(update_fields=["password"])
    author = ensure_author(
        user,
        display_name="INPUD Secretariat",
        slug="inpud-secretariat",
        bio="News from the secretariat of the International Network of People who Use Drugs.",
    )
    categories = _categories()
    created = 0
    for data in POSTS:
        if Post.objects.filter(slug=data["slug"]).exists():
            continue
        post = Post(
            slug=data["slug"],
            title=data["title"],
            author=author,
            status=Post.Status.PUBLISHED,
            publish_at=timezone.make_aware(datetime(*data["date"], 10, 0)),
            excerpt=data["excerpt"],
            body=data["body"],
        )
        if data.get("image"):
            post.featured_image.save(
                "global-state-of-harm-reduction.jpg",
                ContentFile(demo_image_bytes("Global State of Harm Reduction 2014")),
                save=False,
            )
            post.featured_image_alt = "Cover-style artwork for the Global State of Harm Reduction"
            post.featured_image_credit = "INPUD"
        post.save()
        post.categories.set([categories[name] for name in data["categories"]])
        post.tags.set(data["tags"])
        created += 1
    stdout.write(f"blog: {created} demo posts created, {len(POSTS) - created} already there")
