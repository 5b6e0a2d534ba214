"""Pages staff write: About us, Join us, Contact… in a tree whose addresses follow it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from core import images
from core.sanitize import plain_text, sanitize_html
from core.translatable import Translatable
from core.validators import validate_image_file
from pages import roles
from pages.reserved import shadowed_view


def address_of(path, language=settings.LANGUAGE_CODE):
    """A page's address: its path under its language's prefix (English has none)."""
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    return f"{prefix}/{path}/"


class PageQuerySet(models.QuerySet):
    @staticmethod
    def _public():
        return Q(status=Page.Status.PUBLISHED, publish_at__lte=timezone.now())

    def published(self):
        """The one visibility rule for the page view, menus, search and the sitemap."""
        return self.filter(self._public())

    def visible_to(self, user):
        """Public pages, plus the drafts and scheduled pages this user may preview."""
        scope = roles.preview_scope(user)
        if scope == roles.ALL:
            return self
        if scope == roles.OWN:
            return self.filter(self._public() | Q(owner=user))
        return self.published()

    def in_language(self, code=None):
        return self.filter(language=code or translation.get_language())

    def in_order(self):
        return self.order_by("order", "title", "pk")


class Page(Translatable):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_(
            "The last part of the page's address, e.g. our-history in /about-us/our-history/. "
            "Changing it later keeps old links working."
        ),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent page"),
        help_text=_("Leave empty for a top-level page; choose About us to put this page under it."),
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Pages with smaller numbers come first among siblings.")
    )
    # The full address without slashes at the ends ("about-us/our-history"), kept in step
    # with the tree (pages/tree.py), so a page is found by its address in one query.
    path = models.CharField(_("address"), max_length=1000, unique=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Drafts are never shown to the public."),
    )
    publish_at = models.DateTimeField(
        _("publish date"),
        default=timezone.now,
        help_text=_("A date in the future schedules the page: it appears by itself then."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pages",
        verbose_name=_("written by"),
        help_text=_("Authors may edit their own draft pages."),
    )
    excerpt = models.TextField(
        _("excerpt"),
        blank=True,
        max_length=1000,
        help_text=_("A sentence or two shown where the page is listed (its parent, search)."),
    )
    body = CKEditor5Field(_("body"), blank=True, config_name="default")
    body_text = models.TextField(_("body as plain text"), editable=False, blank=True)
    featured_image = models.ImageField(
        _("featured image"),
        upload_to="pages/%Y/%m/",
        blank=True,
        max_length=255,
        validators=[validate_image_file],
        help_text=_("A JPEG, PNG, GIF or WebP picture; location data in photos is removed."),
    )
    featured_image_alt = models.CharField(
        _("featured image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Required with an image."),
    )
    featured_renditions = models.JSONField(default=list, blank=True, editable=False)
    seo_description = models.CharField(
        _("description for search engines"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences search engines and link previews show."),
    )
    show_in_sitemap = models.BooleanField(
        _("show in sitemap"),
        default=True,
        help_text=_("Untick to keep the page out of sitemap.xml."),
    )
    show_contact_form = models.BooleanField(
        _("show the contact form"),
        default=False,
        help_text=_("Readers can send the network a message from this page."),
    )
    allow_comments = models.BooleanField(
        _("allow comments"),
        default=False,
        help_text=_(
            "Show the comments and the comment form under this page. Comments are moderated "
            "as on posts."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [("publish_page", _("Can publish pages and edit every page"))]
        indexes = [models.Index(fields=["parent", "order"], name="page_siblings_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.derive_fields()
        images.prepare_for_save(self, "featured_image", "featured_renditions", kwargs)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return address_of(self.path, self.language)

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def featured_picture(self):
        return images.picture_sources(self.featured_image, self.featured_renditions)

    @property
    def ancestor_paths(self):
        """Addresses of the pages above this one, top first (no query)."""
        parts = self.path.split("/")
        return ["/".join(parts[:n]) for n in range(1, len(parts))]

    def derive_fields(self):
        self.body = sanitize_html(self.body)
        self.body_text = plain_text(self.body)

    def clean(self):
        errors = {}
        if self.featured_image and not self.featured_image_alt.strip():
            errors["featured_image_alt"] = _(
                "Describe the featured image for people who cannot see it."
            )
        if self.parent_id is not None and self.pk is not None and self._parent_is_below():
            errors["parent"] = _(
                "A page cannot be placed under itself or under one of its own sub-pages."
            )
        if self.slug and "parent" not in errors:
            parent_path = self.parent.path if self.parent_id else ""
            path = f"{parent_path}/{self.slug}".strip("/")
            clash = Page.objects.filter(path=path).exclude(pk=self.pk).first()
            view = shadowed_view(path)
            if clash is not None:
                errors["slug"] = _(
                    "Another page already has the address /%(path)s/ (“%(title)s”). "
                    "Choose another slug."
                ) % {"path": path, "title": clash.title}
            elif view is not None:
                errors["slug"] = _(
                    "The address /%(path)s/ belongs to another part of the site (%(view)s). "
                    "Choose another slug."
                ) % {"path": path, "view": view}
        if errors:
            raise ValidationError(errors)

    def _parent_is_below(self):
        parents = dict(Page.objects.values_list("pk", "parent_id"))
        seen, current = set(), self.parent_id
        while current is not None and current not in seen:
            if current == self.pk:
                return True
            seen.add(current)
            current = parents.get(current)
        return False
