"""Demo content: the Drug User Peace Initiative and the harm reduction workers' union call.

Titles and facts come from the network's old blog page; summaries are written for this
project. The PDFs are generated here, so the demo needs no downloaded file.
"""

from datetime import date, datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from blog.models import Post
from campaigns.models import Campaign, CampaignDocument
from campaigns.pdf import minimal_pdf
from demo.blog import demo_image_bytes

Kind = CampaignDocument.Kind

PEACE = {
    "slug": "drug-user-peace-initiative",
    "post": "drug-user-peace-initiative-launched",
    "title": "Drug User Peace Initiative",
    "status": Campaign.Status.OPEN,
    "opens_at": (2015, 1, 17),
    "signup_goal": 1000,
    "summary": (
        "Four linked papers, with a foreword and an executive summary, on what the war on "
        "drugs does to the people it targets, and a call to make peace instead."
    ),
    "body": (
        "<p>The war on drugs is fought against people. The Drug User Peace Initiative sets "
        "out, from the point of view of people who use drugs, the harm it does: to human "
        "rights, to dignity, to health, and to women in particular.</p>"
        "<p>The papers are our advocacy tool on the road to the 2016 UN General Assembly "
        "Special Session on Drugs. Read them, share them, and add your name.</p>"
    ),
    "call_to_action": (
        "Add your name to call on governments to end the war on people who use drugs."
    ),
    "thank_you_text": (
        "Every name makes the call louder. Share the papers with people who shape drug "
        "policy where you live."
    ),
    "acknowledgements": (
        "This work was made possible in part by the Robert Carr civil society Networks Fund "
        "and by a grant from the Open Society Foundations."
    ),
    "image": True,
    "documents": [
        (
            Kind.FOREWORD,
            1,
            "foreword",
            "Foreword",
            "Why a network of people who use drugs speaks of peace, and why now.",
            "The people who live with the consequences of drug policy are rarely asked "
            "about it. This foreword explains why the network wrote these papers itself.",
        ),
        (
            Kind.EXECUTIVE_SUMMARY,
            1,
            "executive-summary",
            "Executive Summary",
            "The four papers in brief, with the changes they ask for.",
            "A short reading of the four papers: the rights violations, the stigma, the "
            "health harms and the particular harms to women, and what should change.",
        ),
        (
            Kind.PAPER,
            1,
            "human-rights-violations",
            "Human Rights Violations of People who Use Drugs",
            "How punishment-first policies lead to detention, abuse and denial of due "
            "process for people who use drugs.",
            "Arbitrary detention, forced treatment and violence in custody are documented "
            "in many countries. This paper sets them against international human rights law.",
        ),
        (
            Kind.PAPER,
            2,
            "stigmatising-people-who-use-drugs",
            "Stigmatising People who Use Drugs",
            "How language, media and services mark people who use drugs as less deserving, "
            "and what that costs.",
            "Stigma keeps people away from services and out of decisions that affect them. "
            "This paper shows where it comes from and how peers are pushing back.",
        ),
        (
            Kind.PAPER,
            3,
            "a-war-on-health",
            "A War on the Health of People who Use Drugs",
            "Why HIV, hepatitis C and overdose deaths stay high where harm reduction is "
            "blocked or underfunded.",
            "Needle and syringe programmes, opioid substitution treatment and naloxone work, "
            "yet most people who need them cannot get them. This paper asks why.",
        ),
        (
            Kind.PAPER,
            4,
            "a-war-on-women",
            "A War on Women who Use Drugs",
            "The particular harms women who use drugs face: violence, loss of children, and "
            "services not made for them.",
            "Women who use drugs face double stigma and services designed without them. "
            "This paper describes what they meet and what would help.",
        ),
    ],
}

UNION = {
    "slug": "harm-reduction-workers-union",
    "post": "harm-reduction-workers-union-takes-off-in-toronto",
    "title": "Organise harm reduction workers",
    "status": Campaign.Status.OPEN,
    "opens_at": (2014, 11, 12),
    "signup_goal": None,
    "summary": (
        "Harm reduction workers in Toronto formed the first union of its kind. Sign up to "
        "support them and to hear how to organise where you live."
    ),
    "body": (
        "<p>Many harm reduction workers are people who use drugs, employed on short grants "
        "with few rights at work. The Toronto Harm Reduction Workers Union organises for "
        "better conditions and better services.</p>"
        "<p>Sign up to show your support; tick the updates box if you want to hear about "
        "organising in your own city.</p>"
    ),
    "call_to_action": "Stand with harm reduction workers organising for fair work.",
    "thank_you_text": "Solidarity! Tell your co-workers about the union.",
    "acknowledgements": "",
    "image": False,
    "documents": [],
}


def _aware(ymd):
    return timezone.make_aware(datetime(*ymd, 10, 0))


def _campaign(data):
    campaign, created = Campaign.objects.get_or_create(
        slug=data["slug"],
        defaults={
            "title": data["title"],
            "status": data["status"],
            "opens_at": _aware(data["opens_at"]),
            "signup_goal": data["signup_goal"],
            "summary": data["summary"],
            "body": data["body"],
            "call_to_action": data["call_to_action"],
            "thank_you_text": data["thank_you_text"],
            "acknowledgements": data["acknowledgements"],
        },
    )
    if created and data["image"]:
        campaign.hero_image.save(
            f"{data['slug']}.jpg", ContentFile(demo_image_bytes(data["title"])), save=False
        )
        campaign.hero_image_alt = "Campaign artwork: the words Drug User Peace Initiative"
        campaign.save()
    for kind, order, slug, title, summary, body in data["documents"]:
        document, doc_created = CampaignDocument.objects.get_or_create(
            campaign=campaign,
            slug=slug,
            defaults={
                "kind": kind,
                "order": order,
                "title": title,
                "summary": summary,
                "body": f"<p>{body}</p>",
                "published_on": date(*data["opens_at"]),
            },
        )
        if not document.file:
            pdf = minimal_pdf(f"{data['title']}: {title}", [summary, body])
            document.file.save(f"{slug}.pdf", ContentFile(pdf), save=False)
            document.save()
    Post.objects.filter(slug=data["post"], campaign__isnull=True).update(campaign=campaign)
    return created


def load(stdout):
    created = sum(_campaign(data) for data in (PEACE, UNION))
    stdout.write(f"campaigns: {created} demo campaigns created, {2 - created} already there")
