from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from comments.models import Comment
from comments.services import can_reply_to
from core.params import parse_id
from core.text import reject_unreadable

ALLOWED_IN_TEXT = {"\n", "\t"}


class CommentTextField(forms.CharField):
    """Plain text with line breaks kept; Windows line endings count as one character."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        reject_unreadable(value, ALLOWED_IN_TEXT)


class LineField(forms.CharField):
    def validate(self, value):
        super().validate(value)
        reject_unreadable(value)


class CommentForm(forms.Form):
    name = LineField(
        label=_("Name"),
        max_length=Comment._meta.get_field("author_name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=Comment._meta.get_field("author_email").max_length,
        help_text=_("Never shown. Moderators may use it to reply to you privately."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        max_length=Comment._meta.get_field("author_url").max_length,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    body = CommentTextField(
        label=_("Comment"),
        max_length=Comment._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    parent = forms.CharField(required=False, widget=forms.HiddenInput, max_length=20)
    # The honeypot: hidden from people (and from screen readers); bots fill every field.
    leave_empty = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, item, **kwargs):
        self.item = item  # the post or page the comment is on
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"]
        reject_unreadable(email)
        return email

    def clean_website(self):
        url = self.cleaned_data["website"]
        reject_unreadable(url)
        return url

    def clean(self):
        cleaned = super().clean()
        cleaned["parent_comment"] = None
        raw = cleaned.get("parent") or self.data.get("parent", "")
        if not raw:
            return cleaned
        parent = None
        if (parent_id := parse_id(raw)) is not None:
            comments = Comment.objects.approved().on(self.item)
            parent = comments.filter(pk=parent_id).first()
        if parent is None:
            error = _(
                "The comment you are replying to is not available: it may have been removed. "
                "Your text is kept below; you can post it as a new comment."
            )
        elif not can_reply_to(parent):
            error = ngettext(
                "Replies can only go %(depth)d level deep. Your text is kept below; you can "
                "post it as a new comment.",
                "Replies can only go %(depth)d levels deep. Your text is kept below; you can "
                "post it as a new comment.",
                settings.COMMENTS_MAX_DEPTH,
            ) % {"depth": settings.COMMENTS_MAX_DEPTH}
        else:
            cleaned["parent_comment"] = parent
            return cleaned
        self.add_error(None, error)
        # Drop the bad reply target so that sending the form again posts a new comment.
        self.data = self.data.copy()
        self.data["parent"] = ""
        return cleaned

    @property
    def honeypot_filled(self):
        return bool(self.cleaned_data.get("leave_empty"))
