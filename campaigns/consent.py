"""The wording of the consent boxes on the sign-up form, every version ever shown.

Each supporter stores the version they ticked (``Supporter.consent_version``), so staff can
show what a person agreed to. Never edit a published wording: add a new version and make it
``CURRENT`` (tests/campaigns/test_consent.py holds the published texts and fails on an edit).
"""

from django.utils.translation import gettext_lazy as _

CURRENT = "2026-12"

WORDINGS = {
    "2026-12": {
        "show_name": _("Show my name and country on the campaign page"),
        "wants_updates": _("Send me occasional updates about this campaign by email"),
    },
}


def labels(version=CURRENT):
    """The labels of the consent boxes, in the current language."""
    return WORDINGS[version]


def describe(version) -> str:
    """What a supporter with this version agreed to, for staff (in English as shown)."""
    wording = WORDINGS.get(version)
    if wording is None:
        return "—"
    return " / ".join(f"“{text}”" for text in wording.values())
