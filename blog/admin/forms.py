"""The post form: tags by name, a featured image that survives errors, alt text in bodies."""

from html.parser import HTMLParser

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from blog.models import Post
from blog.services import MISSING_PROFILE, can_make_author_profile
from core import kept_image


class _ImagesWithoutAlt(HTMLParser):
    """Counts <img> tags with no alt attribute (alt="" marks a decorative image: fine)."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def handle_starttag(self, tag, attrs):
        if tag == "img" and "alt" not in dict(attrs):
            self.count += 1


def images_without_alt(html):
    parser = _ImagesWithoutAlt()
    parser.feed(html or "")
    parser.close()
    return parser.count


def _split_tag_names(value):
    return [name.strip() for name in (value or "").split(",") if name.strip()]


class PostAdminForm(forms.ModelForm):
    new_tags = forms.CharField(
        label=_("Add tags by name"),
        required=False,
        max_length=500,
        help_text=_("Separate tags with commas, e.g. naloxone, harm reduction."),
    )
    featured_image_credit_url = forms.URLField(
        label=_("Image credit link"), required=False, assume_scheme="https"
    )
    # The featured image uploaded with a submission that failed (see blog/kept_image.py).
    kept_featured_image = forms.CharField(
        label=_("featured image"), required=False, widget=forms.HiddenInput
    )
    # Set per request by PostAdmin.get_form.
    current_user = None
    can_add_tags = False

    class Meta:
        model = Post
        fields = [
            "title",
            "slug",
            "author",
            "status",
            "publish_at",
            "is_sticky",
            "excerpt",
            "body",
            "featured_image",
            "featured_image_alt",
            "featured_image_credit",
            "featured_image_credit_url",
            "categories",
            "tags",
            "campaign",
            "allow_comments",
            "language",
            "translation_of",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound and "featured_image" in self.fields:
            self._keep_featured_image()

    def _keep_featured_image(self):
        key, token_key = self.add_prefix("featured_image"), self.add_prefix("kept_featured_image")
        if self.data.get(f"{key}-clear"):
            return  # "Clear" ticked: the editor wants no image (or chose one too, an error)
        upload = self.files.get(key)
        if upload:
            kept = kept_image.store(upload, self.instance, "featured_image")
        else:
            kept = kept_image.unsign(self.data.get(token_key), self.instance, "featured_image")
        if not kept:
            return
        # From here on the stored file is the field's current value, as if it had been
        # saved before: the widget shows it ("Currently: …") and the field returns it.
        files = self.files.copy()
        files.pop(key, None)
        self.files = files
        data = self.data.copy()
        data[token_key] = kept_image.sign(kept.name)
        self.data = data
        self.initial["featured_image"] = kept

    def clean_body(self):
        # CKEditor inserts an uploaded image without a description; screen readers would
        # read out its file name. Checked here, not in the model, so imports still load.
        body = self.cleaned_data.get("body")
        missing = images_without_alt(body)
        if missing:
            raise ValidationError(
                ngettext(
                    "%(count)d image in the body has no description for people who cannot "
                    "see it. Click the image, then the “Change image text alternative” "
                    "button in the small toolbar that appears, and describe it.",
                    "%(count)d images in the body have no description for people who cannot "
                    "see them. Click each image, then the “Change image text alternative” "
                    "button in the small toolbar that appears, and describe it.",
                    missing,
                ),
                code="body_image_alt",
                params={"count": missing},
            )
        return body

    def clean_new_tags(self):
        names = _split_tag_names(self.cleaned_data.get("new_tags"))
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise ValidationError(_("A tag can be at most 100 characters long."))
        if names and not self.can_add_tags:
            matches = Q()
            for name in names:  # tags are case-insensitive (TAGGIT_CASE_INSENSITIVE)
                matches |= Q(name__iexact=name)
            existing = Tag.objects.filter(matches).values_list("name", flat=True)
            known = {name.casefold() for name in existing}
            unknown = [name for name in names if name.casefold() not in known]
            if unknown:
                raise ValidationError(
                    _("You can only use existing tags. Unknown: %(names)s"),
                    params={"names": ", ".join(unknown)},
                )
        return names

    def clean(self):
        cleaned = super().clean()
        has_author = self.instance.author_id or cleaned.get("author")
        if not has_author and not can_make_author_profile(self.current_user):
            raise ValidationError(MISSING_PROFILE)
        return cleaned

    def _save_m2m(self):
        super()._save_m2m()
        if self.cleaned_data.get("new_tags"):
            self.instance.tags.add(*self.cleaned_data["new_tags"])
