from django.core.management.base import BaseCommand

from throttle.counters import purge_expired


class Command(BaseCommand):
    help = "Delete rate-limit counters whose window has ended (run daily; `manage.py daily` does)."

    def handle(self, *args, **options):
        self.stdout.write(f"Deleted {purge_expired()} expired rate-limit counters.")
