"""``manage.py import_wordpress EXPORT.xml``: bring a WordPress site's export in."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from imports.importer import Importer, Options
from imports.mapping import OUTSIDE, read_pairs
from imports.wxr import NotAnExport
from publications.models import Series


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR, from Tools > Export): posts become publications, pages "
        "content pages, attachments the media library, and every old address a redirect. "
        "Running it again updates what changed and creates nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file (.xml) WordPress exported.")
        parser.add_argument(
            "--uploads",
            metavar="DIR",
            help="A copy of the site's wp-content/uploads folder: pictures, featured images and "
            "PDFs are taken from there (without it they are reported missing).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be created, updated and skipped, and change nothing.",
        )
        parser.add_argument(
            "--default-series",
            metavar="SLUG",
            help="The series of posts with no code in their title and no category naming a "
            "series (without it they are skipped and reported).",
        )
        parser.add_argument(
            "--series-map",
            metavar="FILE",
            help="CSV lines “category slug or name,series slug”, for categories that name a "
            "series in other words than ours.",
        )
        parser.add_argument(
            "--authors",
            metavar="FILE",
            help="CSV lines “login or name,target”: target is a staff person's slug, “outside”, "
            "“outside:Name as printed” or “-” (leave the name out, e.g. a web editor's login).",
        )
        parser.add_argument(
            "--new-authors",
            choices=[OUTSIDE, "people"],
            default=OUTSIDE,
            help="How to credit a name that matches no one on the staff: as an outside author "
            "(the default) or as a new staff profile.",
        )
        parser.add_argument(
            "--byline-field",
            metavar="META_KEY",
            default="",
            help="A custom field holding the real authors' names (e.g. “byline”), used instead "
            "of the WordPress user who posted.",
        )
        parser.add_argument(
            "--menus",
            action="store_true",
            help="Also bring in the old site's menus (pages they show join the mega-menu).",
        )

    def handle(self, *args, **options):
        export = Path(options["export"])
        if not export.is_file():
            raise CommandError(f"No such file: {export}")
        uploads = Path(options["uploads"]) if options["uploads"] else None
        if uploads is not None and not uploads.is_dir():
            raise CommandError(f"No such folder: {uploads}")
        default_series = None
        if options["default_series"]:
            default_series = Series.objects.filter(slug=options["default_series"]).first()
            if default_series is None:
                slugs = ", ".join(Series.objects.values_list("slug", flat=True))
                raise CommandError(
                    f"No series has the slug {options['default_series']!r}; choose one of: {slugs}"
                )
        settings = Options(
            uploads=uploads,
            dry_run=options["dry_run"],
            default_series=default_series,
            series_map=read_pairs(options["series_map"], "series map")
            if options["series_map"]
            else {},
            authors=read_pairs(options["authors"], "authors") if options["authors"] else {},
            new_authors=options["new_authors"],
            byline_field=options["byline_field"].strip(),
            menus=options["menus"],
        )
        say = (lambda text: self.stdout.write(text)) if options["verbosity"] >= 1 else None
        importer = Importer(export, settings, say=say)
        try:
            importer.run()
        except NotAnExport as error:
            raise CommandError(f"{export} was not imported: {error}") from error
        for line in importer.report.lines(dry_run=settings.dry_run):
            self.stdout.write(line)
