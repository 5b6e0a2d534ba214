"""What an import did (or, in a dry run, would do): counts per kind, and every warning."""

from collections import Counter
from dataclasses import dataclass

KINDS = ("authors", "categories", "tags", "posts", "comments", "attachments", "pages",
         "menu items")  # fmt: skip


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    skipped: int = 0


class Summary:
    def __init__(self, *, dry_run=False):
        self.dry_run = dry_run
        self.counts = {kind: Counts() for kind in KINDS}
        self.not_imported = Counter()  # what the export holds that we leave out, by reason
        self.unknown_shortcodes = Counter()
        self.redirects = 0
        self.warnings = []

    def warn(self, message):
        self.warnings.append(message)

    def lines(self):
        title = "WordPress import"
        if self.dry_run:
            title += " - DRY RUN: nothing was written"
        lines = [title, f"{'':<12} {'created':>8} {'updated':>8} {'skipped':>8}"]
        for kind, c in self.counts.items():
            lines.append(f"{kind:<12} {c.created:>8} {c.updated:>8} {c.skipped:>8}")
        if self.redirects:
            lines.append(f"Old addresses redirected to new ones: {self.redirects}")
        for reason, count in sorted(self.not_imported.items()):
            if count:
                lines.append(f"Not imported: {count} {reason}")
        if self.unknown_shortcodes:
            found = ", ".join(f"[{name}] x{n}" for name, n in self.unknown_shortcodes.most_common())
            lines.append(f"Shortcodes left as text (edit these posts by hand): {found}")
        lines.append(f"Warnings: {len(self.warnings)}")
        lines.extend(f"  - {message}" for message in self.warnings)
        return lines
