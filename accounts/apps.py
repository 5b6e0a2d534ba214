from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Staff accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from accounts import checks, sessions  # noqa: F401  (checks registers system checks)

        user_logged_in.connect(sessions.stamp_login, dispatch_uid="accounts-stamp-login")
