from django.core.management.base import BaseCommand
from django.db import transaction

from demo import blog, campaigns, comments, pages

# In this order: campaigns link to the blog's posts, comments sit under them, pages link to
# the campaign's papers.
LOADERS = [blog, campaigns, comments, pages]


class Command(BaseCommand):
    help = "Load the demo content (posts, campaigns, comments, pages, menus). Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            for loader in LOADERS:
                loader.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
