from django import forms
from django.utils.translation import gettext_lazy as _


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("If we hold anything about this address, we email a link to it."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"


class EraseForm(forms.Form):
    comments = forms.ChoiceField(
        label=_("Your comments"),
        choices=[
            ("remove", _("Remove them")),
            ("anonymise", _("Keep the text under the name “Anonymous”")),
        ],
        initial="remove",
        widget=forms.RadioSelect,
        help_text=_("Either way your name, email, website and internet address are erased."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    @property
    def keep_comment_text(self):
        return self.cleaned_data["comments"] == "anonymise"
