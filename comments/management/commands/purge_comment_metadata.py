from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from comments.models import Comment


class Command(BaseCommand):
    help = (
        "Clear the IP hash and user agent of comments older than "
        "COMMENTS_METADATA_RETENTION_DAYS. Run it daily (cron, systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override COMMENTS_METADATA_RETENTION_DAYS for this run.",
        )

    def handle(self, *args, days=None, **options):
        days = settings.COMMENTS_METADATA_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        cutoff = timezone.now() - timedelta(days=days)
        cleared = (
            Comment.objects.filter(submitted_at__lt=cutoff)
            .filter(~Q(ip_hash="") | ~Q(user_agent=""))
            .update(ip_hash="", user_agent="")
        )
        self.stdout.write(
            f"Cleared sender metadata from {cleared} comments older than {days} days."
        )
