from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app shares: sanitising, images, validators, uploads, client IPs, URLs.

    It has no models, and it imports none of the project's other apps.
    """

    name = "core"
    verbose_name = _("Core")
