"""What an import did: counts per kind and outcome, and every warning with its item."""

from collections import defaultdict

OUTCOMES = ("created", "updated", "unchanged", "skipped")


class Report:
    def __init__(self):
        self.counts = defaultdict(lambda: dict.fromkeys(OUTCOMES, 0))
        self.warnings = []

    def count(self, kind, outcome):
        self.counts[kind][outcome] += 1

    def warn(self, item, message):
        self.warnings.append({"item": item, "message": message})

    def as_counts(self):
        return {kind: dict(counts) for kind, counts in sorted(self.counts.items())}

    def lines(self, *, dry_run=False):
        """The report as text lines, for the command's output."""
        heading = (
            "What the import would do (dry run: nothing was changed)"
            if dry_run
            else ("What the import did")
        )
        width = max([len(kind) for kind in self.counts] + [8])
        lines = [heading, f"{'':{width}}  " + "  ".join(f"{o:>9}" for o in OUTCOMES)]
        for kind, counts in sorted(self.counts.items()):
            lines.append(f"{kind:{width}}  " + "  ".join(f"{counts[o]:>9}" for o in OUTCOMES))
        lines.append(f"{len(self.warnings)} warning(s)")
        lines.extend(f"- {warning['item']}: {warning['message']}" for warning in self.warnings)
        return lines
