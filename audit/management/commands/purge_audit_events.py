from django.conf import settings
from django.core.management.base import BaseCommand

from audit.trail import purge


class Command(BaseCommand):
    help = (
        "Delete audit events older than AUDIT_RETENTION_DAYS (run daily; `manage.py daily` does)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="override AUDIT_RETENTION_DAYS once")

    def handle(self, *args, **options):
        days = options["days"] if options["days"] is not None else settings.AUDIT_RETENTION_DAYS
        self.stdout.write(f"Deleted {purge(days)} audit events older than {days} days.")
