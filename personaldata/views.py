"""The public side: ask by email, get a link, see, export or erase what is held.

The form answers the same whatever the address (it never says whether one is known), is
rate-limited per sender, and takes a POST without cookies (core.samesite). Every page with
the link is private and never stored by any cache.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render

from core.samesite import private_page, same_site_post
from personaldata import finder, links
from personaldata.forms import EmailForm, EraseForm
from throttle.counters import hit_ip


@same_site_post
@private_page
def request_form(request):
    form = EmailForm(request.POST if request.method == "POST" else None)
    if request.method != "POST" or not form.is_valid():
        status = 400 if form.is_bound else 200
        return render(request, "personaldata/request_form.html", {"form": form}, status=status)
    allowed = hit_ip(
        "personal-data",
        request,
        limit=settings.PERSONAL_DATA_RATE_LIMIT,
        window=settings.PERSONAL_DATA_RATE_WINDOW_SECONDS,
    )
    if not allowed:
        minutes = settings.PERSONAL_DATA_RATE_WINDOW_SECONDS // 60
        return render(request, "personaldata/rate_limited.html", {"minutes": minutes}, status=429)
    email = form.cleaned_data["email"]
    with transaction.atomic():
        if finder.holds_anything(email):
            links.send_link(email)
    return redirect("personaldata:request-sent")


@private_page
def request_sent(request):
    hours = settings.PERSONAL_DATA_LINK_MAX_AGE_HOURS
    return render(request, "personaldata/request_sent.html", {"hours": hours})


def _request_from_link(request, token):
    try:
        data_request = links.read(token)
    except signing.SignatureExpired:
        return None, _problem(request, "expired", 400)
    except signing.BadSignature:
        return None, _problem(request, "invalid", 400)
    if data_request is None:
        return None, _problem(request, "used", 404)
    return data_request, None


def _problem(request, problem, status):
    return render(request, "personaldata/link_problem.html", {"problem": problem}, status=status)


@private_page
def data_page(request, token):
    data_request, problem = _request_from_link(request, token)
    if problem:
        return problem
    context = {
        "found": finder.find(data_request.email),
        "email": data_request.email,
        "token": token,
        "form": EraseForm(),
    }
    return render(request, "personaldata/data_page.html", context)


@private_page
def data_export(request, token):
    data_request, problem = _request_from_link(request, token)
    if problem:
        return problem
    return finder.export_response(data_request.email, user=None, request=request)


@same_site_post
@private_page
def data_erase(request, token):
    data_request, problem = _request_from_link(request, token)
    if problem:
        return problem
    if request.method != "POST":  # only the button erases (mail scanners open links)
        return redirect("personaldata:data-page", token=token)
    form = EraseForm(request.POST)
    if not form.is_valid():
        context = {
            "found": finder.find(data_request.email),
            "email": data_request.email,
            "token": token,
            "form": form,
        }
        return render(request, "personaldata/data_page.html", context, status=400)
    finder.erase(
        data_request.email,
        user=None,
        request=request,
        keep_comment_text=form.keep_comment_text,
    )
    return redirect("personaldata:erased")


@private_page
def erased(request):
    return render(request, "personaldata/erased.html")
