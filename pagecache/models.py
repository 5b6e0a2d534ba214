from django.db import models
from django.utils.translation import gettext_lazy as _


class Generation(models.Model):
    """A counter that changes whenever the content it names changes (see generations.py).

    Used when there is no shared cache (no CACHE_URL): every server process then reads the
    same numbers from the database.
    """

    name = models.CharField(_("name"), max_length=80, primary_key=True)
    value = models.BigIntegerField(_("value"), default=1)
    changes_at = models.DateTimeField(
        _("changes by itself at"), null=True, blank=True, help_text=_("e.g. a scheduled post")
    )

    class Meta:
        verbose_name = _("cache generation")
        verbose_name_plural = _("cache generations")

    def __str__(self):
        return f"{self.name} = {self.value}"
