from django.core.management.base import BaseCommand
from django.db import transaction

from demo import blog, campaigns, comments, pages, translations

# In this order: campaigns link to the blog's posts, comments sit under them, pages link to
# the campaign's papers, translations translate some of each.
LOADERS = [blog, campaigns, comments, pages, translations]


class Command(BaseCommand):
    help = "Load the demo content (posts, campaigns, comments, pages, menus). Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            for loader in LOADERS:
                loader.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
