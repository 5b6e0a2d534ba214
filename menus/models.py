"""The header and footer menus, and the site text staff edit (one record)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import images
from core.validators import validate_image_file


class Menu(models.Model):
    class Location(models.TextChoices):
        HEADER = "header", _("Header (may nest one level)")
        FOOTER = "footer", _("Footer")

    location = models.CharField(_("where"), max_length=10, choices=Location.choices, unique=True)

    class Meta:
        ordering = ["location"]
        verbose_name = _("menu")
        verbose_name_plural = _("menus")

    def __str__(self):
        return self.get_location_display()


class MenuItem(models.Model):
    """One link: to a page, post, category or campaign, or to an address."""

    TARGETS = ("page", "post", "category", "campaign", "url")

    menu = models.ForeignKey(Menu, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("under"),
        help_text=_("Header menu only: put this link under another one (one level)."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    label = models.CharField(
        _("label"), max_length=100, blank=True, help_text=_("Leave empty to use the title.")
    )
    page = models.ForeignKey(
        "pages.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    post = models.ForeignKey(
        "blog.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    category = models.ForeignKey(
        "blog.Category", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.CharField(
        _("address"),
        max_length=500,
        blank=True,
        help_text=_("An address on this site (/feed/) or elsewhere (https://…)."),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")

    def __str__(self):
        return self.label or self.url or str(self.target or _("(nothing: its target was deleted)"))

    @property
    def target(self):
        for name in ("page", "post", "category", "campaign"):
            if getattr(self, f"{name}_id") is not None:
                return getattr(self, name)
        return None

    def clean(self):
        chosen = [name for name in self.TARGETS if getattr(self, name if name == "url" else
                                                           f"{name}_id")]  # fmt: skip
        if len(chosen) != 1:
            raise ValidationError(
                _("Choose exactly one of: a page, a post, a category, a campaign or an address.")
            )
        if self.url and not (self.url.startswith(("/", "https://", "http://", "mailto:"))):
            raise ValidationError(
                {"url": _("Start the address with / (this site) or https:// (another site).")}
            )
        if self.parent_id is not None:
            parent = self.parent
            if parent.menu_id != self.menu_id or self.menu.location != Menu.Location.HEADER:
                raise ValidationError({"parent": _("Only the header menu nests.")})
            if parent.parent_id is not None or parent.pk == self.pk:
                raise ValidationError({"parent": _("The header menu nests one level only.")})


class SiteText(models.Model):
    """Text that is content, not code: one record (pk 1), edited in the admin."""

    tagline = models.CharField(
        _("tagline"), max_length=150, default="International Network of People who Use Drugs"
    )
    description = models.CharField(
        _("description for search engines"),
        max_length=300,
        default=(
            "News, campaigns and research from a peer-led international network of people "
            "who use drugs."
        ),
        help_text=_("What search engines show for pages without a description of their own."),
    )
    about = models.TextField(
        _("who we are (short)"),
        max_length=600,
        default=(
            "We are a peer-led network of people who use drugs, working for our health, our "
            "rights and our dignity in every region of the world."
        ),
        help_text=_("Shown in the sidebar of news pages."),
    )
    banner_heading = models.CharField(
        _("home banner heading"), max_length=150, default="Nothing about us without us."
    )
    banner_text = models.TextField(
        _("home banner text"),
        max_length=600,
        default=(
            "We are the global peer-led network of people who use drugs. We campaign for our "
            "health, our rights and our dignity, and share news and research from our members "
            "in every region."
        ),
    )
    banner_button_label = models.CharField(
        _("home banner button"), max_length=60, blank=True, default="Support our campaigns"
    )
    banner_button_url = models.CharField(
        _("home banner button link"), max_length=500, blank=True, default="/campaigns/"
    )
    footer_text = models.TextField(
        _("footer text"),
        max_length=600,
        default=(
            "A global peer-led network that promotes the health and defends the rights of "
            "people who use drugs."
        ),
    )
    footer_motto = models.CharField(
        _("footer motto"), max_length=150, blank=True, default="Nothing about us without us."
    )
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Shown in the footer; leave empty to hide.")
    )
    share_image = models.ImageField(
        _("default share image"),
        upload_to="site/",
        blank=True,
        validators=[validate_image_file],
        help_text=_("Shown when a page without its own image is shared on social media."),
    )
    share_renditions = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        verbose_name = _("site text")
        verbose_name_plural = _("site text")

    def __str__(self):
        return str(_("Site text"))

    def save(self, *args, **kwargs):
        self.pk = 1
        images.prepare_for_save(self, "share_image", "share_renditions", kwargs)
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The record, or the defaults while staff have not saved it (nothing written)."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class SiteLink(models.Model):
    """A plain link to the network's account elsewhere: nothing is loaded from there."""

    site_text = models.ForeignKey(SiteText, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=60, help_text=_("e.g. Mastodon, YouTube."))
    url = models.URLField(_("address"), max_length=500)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("link elsewhere")
        verbose_name_plural = _("links elsewhere")

    def __str__(self):
        return self.label
