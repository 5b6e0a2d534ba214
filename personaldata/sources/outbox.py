from django.utils.translation import gettext_lazy as _

from outbox.api import forget_address
from outbox.models import Message


class OutboxSource:
    key = "emails"
    label = _("Emails we sent or are about to send")

    def find(self, email):
        messages = Message.objects.filter(to__iexact=email).order_by("created_at", "pk")
        return [
            {
                "subject": m.subject,
                "status": m.status,
                "queued": m.created_at.isoformat(),
                "sent": m.sent_at.isoformat() if m.sent_at else "",
            }
            for m in messages
        ]

    def erase(self, email, **options):
        return forget_address(email)
