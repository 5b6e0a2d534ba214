from django.conf import settings
from django.core.management.base import BaseCommand

from campaigns.retention import anonymise_closed


class Command(BaseCommand):
    help = (
        "Blank the names, emails and organisations of supporters of campaigns closed more "
        "than SUPPORTERS_KEEP_MONTHS_AFTER_CLOSE months ago; counts and countries stay."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None)

    def handle(self, *args, months, **options):
        if months is None:
            months = settings.SUPPORTERS_KEEP_MONTHS_AFTER_CLOSE
        count = anonymise_closed(months=months)
        self.stdout.write(f"Anonymised {count} supporters of closed campaigns.")
