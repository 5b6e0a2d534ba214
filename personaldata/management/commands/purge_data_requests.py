from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from personaldata.models import DataRequest


class Command(BaseCommand):
    help = "Delete requests to see personal data whose link has expired (they hold addresses)."

    def handle(self, *args, **options):
        hours = settings.PERSONAL_DATA_LINK_MAX_AGE_HOURS
        cutoff = timezone.now() - timedelta(hours=hours)
        deleted, _ = DataRequest.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} expired data requests.")
