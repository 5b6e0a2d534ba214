import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from wordpress.importer import WordPressImporter
from wordpress.wxr import WXRError


class Command(BaseCommand):
    help = (
        "Import authors, categories, tags, posts, comments and images from a WordPress "
        "export (WXR 1.1 or 1.2, from Tools > Export). Safe to run again: unchanged objects "
        "are skipped and changed ones updated."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The .xml file WordPress exported.")
        parser.add_argument(
            "--media-dir",
            help="A local copy of the site's wp-content/uploads folder, for images and files.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what the import would do, then roll back: nothing is written.",
        )

    def handle(self, *args, export, media_dir=None, dry_run=False, **options):
        path = Path(export)
        if not path.is_file():
            raise CommandError(f"{export}: no such file")
        if media_dir and not Path(media_dir).is_dir():
            raise CommandError(f"--media-dir {media_dir}: no such folder")
        bar = None
        if self.stdout.isatty():
            bar = tqdm(
                total=path.stat().st_size, unit="B", unit_scale=True, leave=False, file=sys.stdout
            )
        importer = WordPressImporter(
            path, media_dir=media_dir, dry_run=dry_run, progress=bar.update if bar else None
        )
        try:
            summary = importer.run()
        except WXRError as exc:
            raise CommandError(f"{path.name}: {exc}") from None
        finally:
            if bar is not None:
                bar.close()
        for line in summary.lines():
            self.stdout.write(line)
