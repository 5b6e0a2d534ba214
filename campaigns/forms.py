from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from campaigns import consent
from core.text import validate_visible_line


def _country_choices():
    # Called at render time, so the list follows the visitor's language.
    return [("", _("Choose your country")), *((c.code, c.name) for c in countries)]


class SignupForm(forms.Form):
    """A plain form, not a ModelForm: model validation would say "already signed up",
    which would reveal who has signed."""

    # The honeypot: hidden from people by CSS and from assistive tech by aria-hidden.
    HONEYPOT = "website"

    name = forms.CharField(label=_("Your name"), max_length=100, validators=[validate_visible_line])
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("We send a link to confirm your support. It is never shown publicly."),
    )
    country = forms.ChoiceField(label=_("Country"), choices=_country_choices)
    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=150,
        required=False,
        validators=[validate_visible_line],
    )
    show_name = forms.BooleanField(label=consent.labels()["show_name"], required=False)
    wants_updates = forms.BooleanField(label=consent.labels()["wants_updates"], required=False)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, campaign, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        if not campaign.list_supporter_names:
            del self.fields["show_name"]

    @property
    def visible_fields_without_honeypot(self):
        return [f for f in self if f.name != self.HONEYPOT]

    def supporter_details(self):
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "country": data["country"],
            "organisation": data["organisation"],
            "show_name": data.get("show_name", False),
            "wants_updates": data["wants_updates"],
            "consent_version": consent.CURRENT,
        }


class ShowNameForm(forms.Form):
    show_name = forms.BooleanField(label=consent.labels()["show_name"], required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
