from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedObject(models.Model):
    """What one WordPress object became here, so a re-import updates instead of duplicating.

    Old ``/?p=``, ``/?cat=`` and ``/?page_id=`` links are answered from this table too.
    """

    class Kind(models.TextChoices):
        AUTHOR = "author", _("Author")
        CATEGORY = "category", _("Category")
        TAG = "tag", _("Tag")
        POST = "post", _("Post")
        PAGE = "page", _("Page")
        MENU_ITEM = "menu_item", _("Menu item")
        ATTACHMENT = "attachment", _("Attachment")
        COMMENT = "comment", _("Comment")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    wp_id = models.PositiveBigIntegerField(_("WordPress ID"))
    guid = models.CharField(_("WordPress GUID"), max_length=500, blank=True)
    content_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("content type"),
    )
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    content_object = GenericForeignKey("content_type", "object_id")
    # The object's address on the old site (pages), so staff can add a redirect for it.
    old_path = models.CharField(_("old address"), max_length=500, blank=True)
    # For attachments: the copied file's name in media storage ("" when the file was missing).
    file = models.CharField(_("stored file"), max_length=255, blank=True)
    # A hash of what the import wrote: an unchanged export is skipped without touching rows.
    content_hash = models.CharField(_("content hash"), max_length=64, editable=False)
    imported_at = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress object")
        verbose_name_plural = _("imported WordPress objects")
        constraints = [
            models.UniqueConstraint(fields=["kind", "wp_id"], name="wp_import_kind_wp_id_uniq")
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="wp_import_target_idx"),
            # /?tag=<WordPress slug> looks tags up by the slug kept in guid.
            models.Index(fields=["kind", "guid"], name="wp_import_kind_guid_idx"),
        ]

    def __str__(self):
        return f"{self.kind} {self.wp_id}"
