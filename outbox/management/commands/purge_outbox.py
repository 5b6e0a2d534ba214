from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from outbox.models import Message


class Command(BaseCommand):
    help = (
        "Delete sent emails older than OUTBOX_RETENTION_DAYS (they hold addresses and links), "
        "and finished task rows as old."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days, **options):
        cutoff = timezone.now() - timedelta(days=days or settings.OUTBOX_RETENTION_DAYS)
        sent, _ = Message.objects.filter(status=Message.Status.SENT, sent_at__lt=cutoff).delete()
        tasks, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {sent} sent emails and {tasks} finished tasks.")
