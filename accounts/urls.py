"""Staff account addresses, under /admin/ (inpud/urls.py includes them before the admin)."""

from django.urls import path

from accounts.views import login, reset, two_factor

app_name = "accounts"

urlpatterns = [
    path("login/code/", login.login_code, name="login-code"),
    path("login/set-up/", two_factor.enrol, name="login-enrol"),
    path("account/two-factor/", two_factor.security, name="security"),
    path("account/two-factor/set-up/", two_factor.enrol, name="enrol"),
    path(
        "account/two-factor/new-recovery-codes/",
        two_factor.new_recovery_codes,
        name="new-recovery-codes",
    ),
    path("account/two-factor/recovery-codes/", two_factor.recovery_codes, name="recovery-codes"),
    path("password-reset/", reset.StaffPasswordResetView.as_view(), name="password-reset"),
    path(
        "password-reset/sent/",
        reset.StaffPasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        reset.StaffPasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/complete/",
        reset.StaffPasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
]
