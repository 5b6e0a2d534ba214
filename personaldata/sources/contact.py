from django.utils.translation import gettext_lazy as _

from contact.models import ContactMessage


class ContactMessageSource:
    key = "contact-messages"
    label = _("Messages sent through the contact form")

    def _messages(self, email):
        return ContactMessage.objects.sent_by(email).order_by("received_at", "pk")

    def find(self, email):
        return [
            {
                "received": m.received_at.isoformat(),
                "topic": m.get_topic_display(),
                "name": m.name,
                "way to reply": m.reply_to,
                "message": m.message,
            }
            for m in self._messages(email)
        ]

    def erase(self, email, **options):
        deleted, _ = self._messages(email).delete()
        return deleted
