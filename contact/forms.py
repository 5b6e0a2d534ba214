from django import forms
from django.utils.translation import gettext_lazy as _

from contact.models import MAX_MESSAGE_LENGTH, ContactMessage
from core.text import reject_unreadable, validate_visible_line


def validate_message_text(value):
    reject_unreadable(value, allowed=frozenset("\t\n\r"))


class ContactForm(forms.Form):
    HONEYPOT = "website"

    topic = forms.ChoiceField(
        label=_("What is it about?"), choices=ContactMessage.Topic.choices, initial="general"
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=100,
        validators=[validate_visible_line],
        help_text=_("Any name you like, or none."),
    )
    reply_to = forms.CharField(
        label=_("How can we reply? (optional)"),
        required=False,
        max_length=200,
        validators=[validate_visible_line],
        help_text=_(
            "An email address, a phone number or another way to reach you. Leave it empty "
            "if you do not want a reply."
        ),
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=MAX_MESSAGE_LENGTH,
        validators=[validate_message_text],
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "max_length": _(
                "Messages can be at most %(limit_value)d characters long (this one has "
                "%(show_value)d). Please shorten it, or send it in two parts."
            ),
        },
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def visible_fields_without_honeypot(self):
        return [f for f in self if f.name != self.HONEYPOT]
