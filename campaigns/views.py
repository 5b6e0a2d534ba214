import hashlib

from django.conf import settings
from django.core import signing
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from campaigns import services, stats, tokens
from campaigns.forms import ShowNameForm, SignupForm
from campaigns.models import PUBLIC_STATUSES, Campaign, CampaignDocument, Supporter
from core import language
from core.language import item_alternates
from core.samesite import private_page, same_site_post
from core.siteurl import absolute_url
from core.translatable import translated_versions, with_translations
from pagecache import generations
from pagecache.fragments import cached_html, cached_value
from throttle.counters import hit_ip

CAMPAIGNS_PER_PAGE = 20
# What a link to a document needs (its address is its campaign's, in its campaign's language).
DOCUMENT_LINK_FIELDS = ("campaign__slug", "campaign__language", "slug", "title")


def _page(request, queryset, per_page):
    """The requested page; a missing or bad ?page is a 404, not a silent first page."""
    try:
        return Paginator(queryset, per_page).page(request.GET.get("page", 1))
    except InvalidPage as exc:
        raise Http404 from exc


def _visible_campaign(request, slug):
    """The campaign, with its public translations (for the language links)."""
    campaigns = with_translations(
        Campaign.objects.visible_to(request.user), Campaign.objects.public(), slug="slug"
    )
    return get_object_or_404(campaigns, slug=slug)


def _in_its_language(request, campaign):
    """A campaign asked for under another language's prefix: its one real address."""
    if campaign.language != translation.get_language():
        return redirect(request.path.replace(_prefix(), _prefix(campaign.language), 1))
    return None


def _prefix(code=None):
    code = code or translation.get_language()
    return "/" if code == settings.LANGUAGE_CODE else f"/{code}/"


def _alternates(campaign):
    return item_alternates(translated_versions(campaign))


def _documents(request, campaign):
    """The campaign's reading list: its own documents and, for a translation, the original's
    documents it has no published translation of yet (read at their own addresses)."""
    documents = CampaignDocument.objects.select_related("campaign")
    if not request.user.has_perm("campaigns.change_campaign"):
        documents = documents.published()
    if campaign.translation_of_id is None:
        return documents.filter(campaign=campaign)
    translated = documents.filter(campaign=campaign, translation_of__isnull=False)
    untranslated = Q(campaign_id=campaign.translation_of_id) & ~Q(
        pk__in=translated.values("translation_of_id")
    )
    return documents.filter(Q(campaign=campaign) | untranslated)


def campaign_list(request):
    def render_list():
        campaigns = Campaign.objects.public().in_language().in_list_order().with_supporter_counts()
        page = _page(request, campaigns, CAMPAIGNS_PER_PAGE)
        return render_to_string("campaigns/_campaign_list.html", {"page_obj": page}, request)

    # The counts of supporters on it may lag by PAGE_CACHE_SECONDS at most.
    content = cached_html(
        request,
        "campaign-list",
        render_list,
        part=request.GET.get("page", "1"),
        timeout=settings.PAGE_CACHE_SECONDS,
    )
    return render(request, "campaigns/campaign_list.html", {"content": content})


def campaign_detail(request, slug, form=None, status=200):
    campaign = _visible_campaign(request, slug)
    if moved := _in_its_language(request, campaign):
        return moved

    def render_content():
        context = campaign_context(request, campaign, form)
        return render_to_string("campaigns/_campaign.html", context, request)

    if form is not None or not campaign.is_public:
        content = mark_safe(render_content())  # noqa: S308 - rendered by our own template
    else:
        # Kept per page of names: the campaign's own text until it changes, the counts and
        # names for PAGE_CACHE_SECONDS at most (a name hidden or withdrawn shows at once).
        (names,) = generations.for_request(
            request, generations.path_name(campaign.get_absolute_url())
        )
        content = cached_html(
            request,
            "campaign",
            render_content,
            part=f"{campaign.pk}.{request.GET.get('page', '1')}",
            extra=(str(names),),
            timeout=settings.PAGE_CACHE_SECONDS,
        )
    context = {
        "campaign": campaign,
        "form": form,
        "content": content,
        "alternates": _alternates(campaign),
    }
    return render(request, "campaigns/campaign_detail.html", context, status=status)


def campaign_context(request, campaign, form):
    if form is None and campaign.is_accepting_signups:
        form = SignupForm(campaign=campaign)
    # A translation shows (and takes) the original's supporters.
    supporters = Supporter.objects.filter(campaign_id=campaign.original_id)
    confirmed_count = supporters.confirmed().count()
    names_page = None
    if campaign.list_supporter_names:
        names_page = _page(
            request, supporters.public_names(), settings.CAMPAIGNS_SUPPORTERS_PER_PAGE
        )
    return {
        "campaign": campaign,
        "documents": _documents(request, campaign).only(
            *DOCUMENT_LINK_FIELDS, "kind", "summary", "file", "file_size", "language"
        ),
        "form": form,
        "confirmed_count": confirmed_count,
        "progress": stats.progress(confirmed_count, campaign.signup_goal),
        "countries": stats.countries_with_floor(
            supporters.country_counts(), settings.CAMPAIGNS_COUNTRY_MIN_COUNT
        ),
        "names_page": names_page,
        # blog.Post through the reverse relation: campaigns never import the blog.
        "posts": campaign.posts.model.objects.published()
        .in_language(campaign.language)
        .filter(campaign__in=Campaign.objects.filter(campaign.group_q()))
        .only("campaign", "title", "slug", "publish_at", "language")[:10],
    }


@same_site_post
def signup(request, slug):
    campaign = get_object_or_404(Campaign.objects.public(), slug=slug)
    if request.method != "POST":  # a refreshed or bookmarked form address
        return redirect(campaign.get_absolute_url() + "#sign-up")
    if not campaign.is_accepting_signups:
        return render(request, "campaigns/signup_closed.html", {"campaign": campaign}, status=403)
    if request.POST.get(SignupForm.HONEYPOT):
        # A bot filled the hidden field: look exactly like success, keep nothing.
        return redirect("campaigns:signup-sent", slug=campaign.slug)
    form = SignupForm(request.POST, campaign=campaign)
    if not form.is_valid():
        return campaign_detail(request, slug, form=form, status=400)
    allowed = hit_ip(
        "campaign-signup",
        request,
        limit=settings.CAMPAIGNS_SIGNUP_RATE_LIMIT,
        window=settings.CAMPAIGNS_SIGNUP_RATE_WINDOW_SECONDS,
    )
    if not allowed:
        return render(
            request,
            "campaigns/rate_limited.html",
            {"campaign": campaign, "minutes": settings.CAMPAIGNS_SIGNUP_RATE_WINDOW_SECONDS // 60},
            status=429,
        )
    # The page's language: updates in another language will not be sent to them.
    services.sign_up(campaign=campaign, language=get_language(), **form.supporter_details())
    return redirect("campaigns:signup-sent", slug=campaign.slug)


@private_page
def signup_sent(request, slug):
    campaign = get_object_or_404(Campaign.objects.public(), slug=slug)
    return render(
        request,
        "campaigns/signup_sent.html",
        {"campaign": campaign, "max_age_days": settings.CAMPAIGNS_CONFIRM_MAX_AGE_DAYS},
    )


@private_page
def signup_thanks(request, slug):
    campaign = get_object_or_404(Campaign.objects.public(), slug=slug)
    share_url = absolute_url(campaign.get_absolute_url())
    return render(
        request, "campaigns/signup_thanks.html", {"campaign": campaign, "share_url": share_url}
    )


def document_detail(request, slug, document_slug):
    if request.user.has_perm("campaigns.change_campaign"):  # sees drafts: never kept
        page = _document_page(request, slug, document_slug)
    else:
        # For readers the page changes only with the content (SITE): kept rendered, so a
        # document costs one small query. A missing document raises 404 and is not kept.
        name = hashlib.sha256(f"{slug}/{document_slug}".encode()).hexdigest()[:32]
        page = cached_value(
            request,
            f"document-page:{name}",
            lambda: _document_page(request, slug, document_slug),
            generation=generations.SITE,
        )
    if "redirect" in page:
        return redirect(page["redirect"])
    return render(request, "campaigns/document_detail.html", page)


def _document_page(request, slug, document_slug):
    """What a document's page shows, as plain values (kept by the cache for readers)."""
    campaign = _visible_campaign(request, slug)
    if moved := _in_its_language(request, campaign):
        return {"redirect": moved.url}
    siblings = list(_documents(request, campaign).only(*DOCUMENT_LINK_FIELDS))
    index = next(
        (
            i
            for i, d in enumerate(siblings)
            if d.slug == document_slug and d.campaign_id == campaign.pk
        ),
        None,
    )
    if index is None:
        raise Http404
    documents = with_translations(
        campaign.documents.select_related("campaign"),
        CampaignDocument.objects.published().filter(campaign__status__in=PUBLIC_STATUSES),
        slug="slug",
        campaign__slug="campaign__slug",
        campaign__language="campaign__language",
    )
    document = documents.get(pk=siblings[index].pk)
    context = {
        "campaign": campaign,
        "document": document,
        "previous": siblings[index - 1] if index > 0 else None,
        "next": siblings[index + 1] if index + 1 < len(siblings) else None,
    }
    return {
        "title": f"{document.title} · {campaign.title}",
        "description": document.summary,
        "alternates": _document_alternates(document),
        "content": render_to_string("campaigns/_document.html", context, request),
    }


def _document_alternates(document):
    """{language: address} of a document's translations, each in its campaign's language."""
    found = {}
    for row in getattr(document, "translation_rows", None) or []:
        with translation.override(row["campaign__language"]):
            found[row["campaign__language"]] = reverse(
                "campaigns:document-detail",
                kwargs={"slug": row["campaign__slug"], "document_slug": row["slug"]},
            )
    return {code: found[code] for code in language.codes() if code in found}


def _link_problem(request, problem, status):
    return render(request, "campaigns/link_problem.html", {"problem": problem}, status=status)


def _supporter_from_token(request, token, reader):
    """The supporter a signed link points at, or an error response for a bad link."""
    try:
        supporter_id = reader(token)
    except signing.SignatureExpired:
        return None, _link_problem(request, "expired", 400)
    except signing.BadSignature:
        return None, _link_problem(request, "invalid", 400)
    supporter = Supporter.objects.select_related("campaign").filter(pk=supporter_id).first()
    if supporter is None:
        return None, _link_problem(request, "gone", 404)
    return supporter, None


@same_site_post
@private_page
def supporter_confirm(request, token):
    """GET shows what will be confirmed; only the button (POST) confirms.

    Mail scanners open links in emails by themselves: confirming on GET would let them
    confirm a sign-up the address owner never agreed to.
    """
    supporter, problem = _supporter_from_token(request, token, tokens.read_confirm_token)
    if problem:
        return problem
    campaign = supporter.campaign.in_language(translation.get_language())
    if supporter.status == Supporter.Status.CONFIRMED:
        return redirect("campaigns:signup-thanks", slug=campaign.slug)
    if not campaign.is_accepting_signups:
        return render(request, "campaigns/signup_closed.html", {"campaign": campaign}, status=403)
    if request.method == "POST":
        services.confirm(supporter)
        return redirect("campaigns:signup-thanks", slug=campaign.slug)
    return render(
        request, "campaigns/supporter_confirm.html", {"supporter": supporter, "campaign": campaign}
    )


@same_site_post
@private_page
def supporter_manage(request, token):
    supporter, problem = _supporter_from_token(request, token, tokens.read_manage_token)
    if problem:
        return problem
    campaign = supporter.campaign.in_language(translation.get_language())
    # An unticked checkbox sends nothing, so an empty POST is still a submission.
    data = request.POST if request.method == "POST" else None
    form = ShowNameForm(data, initial={"show_name": supporter.show_name})
    notice = None
    if data is not None and campaign.list_supporter_names and form.is_valid():
        services.set_show_name(supporter, form.cleaned_data["show_name"])
        # Shown on the page itself (no messages cookie); sending the same choice again
        # after a reload changes nothing.
        if supporter.show_name:
            notice = _("Saved: your name is shown on the campaign page.")
        else:
            notice = _("Saved: your name is hidden.")
        form = ShowNameForm(initial={"show_name": supporter.show_name})
    context = {
        "supporter": supporter,
        "campaign": campaign,
        "form": form,
        "token": token,
        "notice": notice,
    }
    return render(request, "campaigns/supporter_manage.html", context)


@same_site_post
@private_page
def supporter_withdraw(request, token):
    supporter, problem = _supporter_from_token(request, token, tokens.read_manage_token)
    if problem:
        return problem
    if request.method != "POST":  # only the button on the supporter's page withdraws
        return redirect("campaigns:supporter-manage", token=token)
    services.withdraw(supporter)
    return redirect("campaigns:supporter-withdrawn")


@private_page
def supporter_withdrawn(request):
    return render(request, "campaigns/supporter_withdrawn.html")


@csrf_exempt
@private_page
def supporter_unsubscribe(request, token):
    """One-click unsubscribe (RFC 8058): a POST stops updates, a GET asks first.

    Mail providers send the one-click POST themselves, from no page of ours, so it carries no
    cookie and no Origin of this site: the signed token is the whole protection (it only ever
    turns updates off). Mail scanners follow links with GET, which changes nothing.
    """
    try:
        supporter_id = tokens.read_unsubscribe_token(token)
    except signing.SignatureExpired:
        return _link_problem(request, "expired", 400)
    except signing.BadSignature:
        return _link_problem(request, "invalid", 400)
    supporter = Supporter.objects.select_related("campaign").filter(pk=supporter_id).first()
    if request.method == "POST":
        services.unsubscribe(supporter_id)  # the same answer the second time
        done = True
    elif request.method in ("GET", "HEAD"):
        done = supporter is None or not supporter.wants_updates
    else:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context = {"supporter": supporter, "done": done, "token": token}
    return render(request, "campaigns/supporter_unsubscribe.html", context)
