"""Users in the admin: who has two-factor set up, and the superuser's reset.

django-otp's own device admins are removed: they would show the secrets of other people's
authenticators. A staff member who lost their phone and their recovery codes asks a
superuser, who resets their second factor here (never by email alone); they set up a new
authenticator at their next login.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import devices, sessions
from audit.trail import Action, record

User = get_user_model()

for model in (TOTPDevice, StaticDevice, User):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = (*UserAdmin.list_display, "two_factor")
    actions = ["reset_two_factor"]

    def get_queryset(self, request):
        confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(has_authenticator=Exists(confirmed))

    @admin.display(description=_("two-factor"), boolean=True, ordering="has_authenticator")
    def two_factor(self, obj):
        return obj.has_authenticator

    def has_reset_two_factor_permission(self, request):
        return request.user.is_superuser

    @admin.action(
        description=_("Reset two-factor authentication (set up again at the next login)"),
        permissions=["reset_two_factor"],
    )
    def reset_two_factor(self, request, queryset):
        for user in queryset:
            devices.forget(user)
            # Whoever holds the lost phone must not stay logged in as them.
            sessions.end_other_sessions(user, keep=request.session.session_key)
            record(Action.TWO_FACTOR_RESET, user=request.user, subject=user)
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "Two-factor authentication reset for %(count)d account; they set it up again "
                "at their next login.",
                "Two-factor authentication reset for %(count)d accounts; they set it up again "
                "at their next login.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
