import time

from django.core.management.base import BaseCommand

from search.indexing import rebuild
from search.models import SearchEntry


class Command(BaseCommand):
    help = (
        "Build the search entries of every publication, page, person and event again "
        "(after a bulk import, or to repair the index). Safe to run at any time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            action="append",
            choices=SearchEntry.Kind.values,
            help="Only this kind of item (may be given more than once).",
        )

    def handle(self, *args, **options):
        started = time.perf_counter()

        def progress(kind, done):
            if options["verbosity"] > 1:
                self.stdout.write(f"  {kind}: {done}")

        counts = rebuild(options["kind"], progress=progress)
        if options["verbosity"]:
            summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
            self.stdout.write(f"Indexed {summary} in {time.perf_counter() - started:.1f} s.")
