from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "The daily housekeeping: every command in settings.DAILY_COMMANDS, in order."

    def handle(self, *args, **options):
        for name in settings.DAILY_COMMANDS:
            self.stdout.write(f"== {name}")
            call_command(name, stdout=self.stdout, stderr=self.stderr)
