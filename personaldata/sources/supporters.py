from django.utils.translation import gettext_lazy as _

from campaigns import consent, services
from campaigns.models import Supporter


class SupporterSource:
    key = "sign-ups"
    label = _("Campaign sign-ups")

    def _supporters(self, email):
        return Supporter.objects.with_email(email).select_related("campaign").order_by("pk")

    def find(self, email):
        return [
            {
                "campaign": s.campaign.title,
                "name": s.name,
                "email": s.email,
                "country": str(s.country.name),
                "organisation": s.organisation,
                "status": s.status,
                "name shown": s.show_name,
                "wants updates": s.wants_updates,
                "language": s.language,
                "consent wording": consent.describe(s.consent_version),
                "signed up": s.created_at.isoformat(),
                "confirmed": s.confirmed_at.isoformat() if s.confirmed_at else "",
            }
            for s in self._supporters(email)
        ]

    def erase(self, email, **options):
        """As a withdrawal: the row and its emails go; a confirmed one leaves +1 on the
        campaign's anonymous tally."""
        supporters = list(self._supporters(email))
        for supporter in supporters:
            services.withdraw(supporter)
        return len(supporters)
