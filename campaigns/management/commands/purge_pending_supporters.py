from django.conf import settings
from django.core.management.base import BaseCommand

from campaigns.services import purge_stale_pending


class Command(BaseCommand):
    help = (
        "Delete sign-ups that were never confirmed, after CAMPAIGNS_PENDING_RETENTION_DAYS. "
        "Run it daily (cron or a systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.CAMPAIGNS_PENDING_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        deleted = purge_stale_pending(older_than_days=days)
        self.stdout.write(f"Deleted {deleted} unconfirmed sign-ups older than {days} days.")
