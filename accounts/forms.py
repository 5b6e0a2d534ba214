from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from accounts.devices import MAX_CODE_LENGTH
from accounts.mail import send_account_email
from audit.trail import Action, record


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=MAX_CODE_LENGTH + 8,  # room for the spaces and dashes people type
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )


class StaffPasswordResetForm(PasswordResetForm):
    """Django's reset form, for staff only, with links built from SITE_URL (never from the
    request's Host header)."""

    def get_users(self, email):
        for user in super().get_users(email):
            if user.is_staff:
                record(Action.PASSWORD_RESET_REQUESTED, user=None, subject=user)
                yield user

    def save(self, **kwargs):
        site = urlsplit(settings.SITE_URL)
        kwargs.update(
            domain_override=site.netloc,
            use_https=site.scheme == "https",
            extra_email_context={"site_name": settings.SITE_NAME},
        )
        return super().save(**kwargs)

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        send_account_email(to=context["email"], subject=subject, body=body)
