"""The admin login: password (throttled before it is checked), then the one-time code."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.views import LoginView
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from accounts import devices, pending, throttles
from accounts.forms import CodeForm
from accounts.views.common import admin_context, step_expired
from audit.trail import Action, record

WRONG_CODE = gettext_lazy(
    "That code is not right, has expired or was already used. Enter the code your app "
    "shows now (it changes every 30 seconds), or an unused recovery code."
)


def existing_account(username):
    """The account named ``username``, for the audit trail only (never for the answer)."""
    if not isinstance(username, str) or not username or "\x00" in username or len(username) > 150:
        return None
    return get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()


class StaffLoginView(LoginView):
    authentication_form = AdminAuthenticationForm
    template_name = "accounts/login.html"

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        # Before the form is validated: validating it runs authenticate(), i.e. the hasher.
        if not throttles.password_attempt(request, username):
            record(
                Action.LOGIN_THROTTLED,
                user=None,
                subject=existing_account(username),
                step="password",
            )
            form = self.get_form_class()(request, initial={"username": username})
            context = self.get_context_data(form=form, locked=throttles.locked_message())
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        username = form.data.get("username", "")
        record(Action.LOGIN_FAILED, user=None, subject=existing_account(username))
        return super().form_invalid(form)

    def form_valid(self, form):
        user = form.get_user()
        throttles.password_succeeded(self.request, form.cleaned_data["username"])
        next_url = self.get_success_url()
        has_device = devices.has_second_factor(user)
        if has_device or settings.ACCOUNTS_REQUIRE_TWO_FACTOR:
            pending.start(self.request, user, next_url=next_url)
            return redirect("accounts:login-code" if has_device else "accounts:login-enrol")
        auth_login(self.request, user)
        record(Action.LOGIN_SUCCEEDED, user=user, subject=user, second_factor="none")
        return HttpResponseRedirect(next_url)


def staff_login(request, extra_context=None):
    """Replaces AdminSite.login (admin.site.login = staff_login), with the admin's context."""
    if request.method == "GET" and admin.site.has_permission(request):
        return redirect("admin:index")
    context = admin_context(
        request,
        title=_("Log in"),
        subtitle=None,
        app_path=request.get_full_path(),
        username=request.user.get_username(),
    )
    if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
        context[REDIRECT_FIELD_NAME] = reverse("admin:index")
    context.update(extra_context or {})
    request.current_app = admin.site.name
    return StaffLoginView.as_view(extra_context=context)(request)


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def login_code(request):
    user = pending.user(request)
    if user is None or not devices.has_second_factor(user):
        return step_expired(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if not throttles.code_attempt(user):
            record(Action.LOGIN_THROTTLED, user=None, subject=user, step="code")
            return _code_page(request, CodeForm(), locked=throttles.locked_message(), status=429)
        device = devices.verify(user, form.cleaned_data["code"]) if form.is_valid() else None
        if device is not None:
            return _logged_in(request, user, device)
        record(Action.CODE_FAILED, user=None, subject=user)
        if form.is_valid():
            form.add_error("code", WRONG_CODE)
    return _code_page(request, form)


def _code_page(request, form, *, locked=None, status=200):
    context = admin_context(request, title=_("Enter your code"), form=form, locked=locked)
    return render(request, "accounts/login_code.html", context, status=status)


def _logged_in(request, user, device):
    throttles.code_succeeded(user)
    recovery = devices.is_recovery_device(device)
    next_url = pending.finish(request, user, device)
    record(
        Action.LOGIN_SUCCEEDED,
        user=user,
        subject=user,
        second_factor="recovery code" if recovery else "authenticator app",
    )
    if recovery:
        left = devices.recovery_codes_left(user)
        messages.warning(
            request,
            ngettext(
                "You logged in with a recovery code; %(count)d is left. Make new ones on "
                "your two-factor page.",
                "You logged in with a recovery code; %(count)d are left. Make new ones on "
                "your two-factor page.",
                left,
            )
            % {"count": left},
        )
    return HttpResponseRedirect(next_url)
