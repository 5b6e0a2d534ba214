from django.db import models
from django.utils.translation import gettext_lazy as _


class Counter(models.Model):
    """How many times one key did one thing in one time window.

    ``key`` is a salted HMAC (of an IP address, an account name…), never the value itself.
    """

    scope = models.CharField(_("what is counted"), max_length=50)
    key = models.CharField(_("scrambled key"), max_length=64)
    window_start = models.DateTimeField(_("window start"))
    expires_at = models.DateTimeField(_("expires"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("rate-limit counter")
        verbose_name_plural = _("rate-limit counters")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key", "window_start"], name="throttle_counter_unique"
            )
        ]
        indexes = [models.Index(fields=["expires_at"], name="throttle_counter_expiry_idx")]

    def __str__(self):
        return f"{self.scope} ×{self.count}"
