"""Password reset by email (Django's views): staff only, throttled, one answer for all."""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from accounts import throttles
from accounts.forms import StaffPasswordResetForm
from accounts.views.common import admin_context


class AdminContextMixin:
    def get_context_data(self, **kwargs):
        return admin_context(self.request, **super().get_context_data(**kwargs))


class StaffPasswordResetView(AdminContextMixin, auth_views.PasswordResetView):
    form_class = StaffPasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")

    def post(self, request, *args, **kwargs):
        # Counted by the address typed, so known and unknown addresses get the same answer.
        if not throttles.reset_attempt(request, request.POST.get("email", "")):
            form = self.get_form()
            form.full_clean()
            form.add_error("email", throttles.reset_locked_message())
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


class StaffPasswordResetDoneView(AdminContextMixin, auth_views.PasswordResetDoneView):
    pass


class StaffPasswordResetConfirmView(AdminContextMixin, auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password-reset-complete")


class StaffPasswordResetCompleteView(AdminContextMixin, auth_views.PasswordResetCompleteView):
    pass
