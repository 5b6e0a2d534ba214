from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from contact.models import ContactMessage


class Command(BaseCommand):
    help = (
        "Delete contact messages older than CONTACT_MESSAGES_KEEP_DAYS. Run it daily "
        "(cron, systemd timer; it is in DAILY_COMMANDS)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the setting.")

    def handle(self, *args, days=None, **options):
        days = settings.CONTACT_MESSAGES_KEEP_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _ = ContactMessage.objects.older_than(cutoff).delete()
        self.stdout.write(f"Deleted {deleted} contact messages older than {days} days.")
