"""Setting up an authenticator app, recovery codes, and the staff member's two-factor page."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from accounts import devices, pending, sessions, throttles
from accounts.forms import CodeForm
from accounts.views.common import admin_context, step_expired
from audit.trail import Action, record

NEW_CODES = "accounts.new_codes"
AFTER_CODES = "accounts.after_codes"


def _enrolling(request):
    """(user, logged in?) for whoever may set up an authenticator here, or (None, False)."""
    if request.user.is_authenticated:
        if not request.user.is_staff:
            raise PermissionDenied
        return request.user, True
    user = pending.user(request)
    if user is None or devices.has_second_factor(user):
        return None, False  # already set up: the code step is the way in
    return user, False


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def enrol(request):
    user, logged_in = _enrolling(request)
    if user is None:
        return step_expired(request)
    device = devices.start_authenticator(user, request.session.get(pending.ENROLLING))
    request.session[pending.ENROLLING] = device.pk
    form = CodeForm(request.POST or None)
    locked = None
    status = 200
    if request.method == "POST":
        if not throttles.code_attempt(user):
            record(Action.LOGIN_THROTTLED, user=None, subject=user, step="set-up")
            form, locked, status = CodeForm(), throttles.locked_message(), 429
        elif form.is_valid() and (
            confirmed := devices.confirm_authenticator(user, device.pk, form.cleaned_data["code"])
        ):
            return _enrolled(request, user, confirmed, logged_in)
        else:
            record(Action.CODE_FAILED, user=None, subject=user, step="set-up")
            if form.is_valid():
                form.add_error(
                    "code", _("That code is not right. Enter the code your app shows now.")
                )
    context = admin_context(
        request,
        title=_("Set up two-factor authentication"),
        form=form,
        locked=locked,
        logged_in=logged_in,
        qr_svg=devices.qr_svg(device),
        secret=devices.secret(device),
        base_template="admin/base_site.html" if logged_in else "admin/login.html",
    )
    return render(request, "accounts/enrol.html", context, status=status)


def _enrolled(request, user, device, logged_in):
    throttles.code_succeeded(user)
    request.session.pop(pending.ENROLLING, None)
    if logged_in:
        otp_login(request, device)
        next_url = reverse("accounts:security")
    else:
        next_url = pending.finish(request, user, device)
        record(Action.LOGIN_SUCCEEDED, user=user, subject=user, second_factor="set up now")
    # A new second factor: every other session of this person ends.
    sessions.end_other_sessions(user, keep=request.session.session_key)
    record(Action.TWO_FACTOR_ENROLLED, user=user, subject=user)
    return _show_codes(request, devices.make_recovery_codes(user), next_url)


def _show_codes(request, codes, next_url):
    request.session[NEW_CODES] = codes
    request.session[AFTER_CODES] = next_url
    return redirect("accounts:recovery-codes")


@staff_member_required
@never_cache  # no-store: browsers must not keep the codes
def recovery_codes(request):
    """The new recovery codes, shown once."""
    codes = request.session.pop(NEW_CODES, None)
    next_url = request.session.pop(AFTER_CODES, None) or reverse("admin:index")
    context = admin_context(
        request,
        title=_("Your recovery codes"),
        codes=[devices.show_code(code) for code in codes or []],
        next_url=next_url,
    )
    return render(request, "accounts/recovery_codes.html", context)


@staff_member_required
@never_cache
def security(request):
    user = request.user
    context = admin_context(
        request,
        title=_("Two-factor authentication"),
        authenticator=devices.authenticator(user),
        codes_left=devices.recovery_codes_left(user),
    )
    return render(request, "accounts/security.html", context)


@require_POST
@staff_member_required
def new_recovery_codes(request):
    user = request.user
    if devices.authenticator(user) is None:
        return HttpResponseRedirect(reverse("accounts:security"))
    codes = devices.make_recovery_codes(user)
    sessions.end_other_sessions(user, keep=request.session.session_key)
    record(Action.RECOVERY_CODES_MADE, user=user, subject=user)
    return _show_codes(request, codes, reverse("accounts:security"))
