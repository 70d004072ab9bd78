"""Make the PDFs of public publications that have none, or an outdated one.

Readers' requests make a missing PDF on demand; running this after an import, a change to a
series' disclaimer or a new release of the printing library (for example from cron) saves the
first readers the wait and gives every page and feed the size of its PDF.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Prefetch

from core.content_cache import bump_generation
from publications import printing
from publications.models import Category, Publication


class Command(BaseCommand):
    help = "Make the PDFs of public publications that have none or an outdated one."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default=settings.SITE_URL,
            help="Scheme and host printed in permanent links (default: DJANGO_SITE_URL).",
        )
        parser.add_argument(
            "--limit", type=int, default=None, help="Make at most this many (newest first)."
        )

    def handle(self, *args, site_url, limit, **options):
        site_url = (site_url or "").rstrip("/")
        if not site_url.startswith(("http://", "https://")):
            raise CommandError("Give --site-url https://… or set DJANGO_SITE_URL.")
        items = (
            Publication.objects.public()
            .filter(pdf="")
            .for_cards()
            .select_related("generated_pdf")
            .prefetch_related(
                Prefetch("categories", queryset=Category.objects.order_by("tree_id", "lft")),
                "tags",
            )
            .order_by("-publication_date", "-id")
        )
        if limit is not None:
            items = items[:limit]
        made = unchanged = failed = 0
        started = time.perf_counter()
        for item in items.iterator(chunk_size=200):
            before = getattr(item, "generated_pdf", None)
            before = before.fingerprint if before is not None else ""
            record = printing.make_pdf(item, site_url)
            if record is None:
                failed += 1
                self.stderr.write(f"Could not make {printing.file_name(item)} (see the log).")
            elif record.fingerprint == before:
                unchanged += 1
            else:
                made += 1
        if made:
            bump_generation()  # pages and feeds show the new sizes
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{made} PDFs made, {unchanged} up to date, {failed} failed in {seconds:.1f} s."
        )
        if failed:
            raise CommandError(f"{failed} PDFs could not be made.")
