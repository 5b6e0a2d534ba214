import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataRequest(models.Model):
    """Someone asked, through the public form, to see what is held about an address.

    The emailed link carries this row's signed id, never the address. The row goes when the
    person erases their data, and otherwise when the link expires (``purge_data_requests``).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(_("email"), max_length=254)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)

    class Meta:
        verbose_name = _("personal data")
        verbose_name_plural = _("personal data")
        default_permissions = ()
        permissions = [("manage_personal_data", _("Can find, export and erase personal data"))]

    def __str__(self):
        return str(self.id)
