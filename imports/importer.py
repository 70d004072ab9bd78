"""Bringing a WordPress export in: the run as a whole.

The file is read twice. The first reading (``scan``) checks all of it and notes what items
say about each other; nothing is written if it fails. The second brings the items in, each in
its own transaction: a bad item is reported and skipped, the rest go in. Each item is keyed by
the exported site and its ID there, with a digest of what it was made from, so a second run of
the same export updates what changed and leaves the rest alone. Every old address of an item
is kept as a redirect to it. The content generation starts once, at the end, and the search
entries are written in batches.
"""

import hashlib
import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.content_cache import one_generation
from publications.models import Publication
from redirects.services import (
    write,
)
from search import indexing

from . import media, pages, posts, terms, wxr
from .addresses import OldAddresses
from .content import Converter
from .files import Uploads
from .mapping import OUTSIDE, AuthorFinder, SeriesFinder
from .models import ImportedItem, ImportRun
from .report import Report
from .scan import scan

logger = logging.getLogger(__name__)

#: Changed when the importer makes something different of the same item: a re-run updates all.
VERSION = "1"
FLUSH_EVERY = 500
SKIPPED_TYPES = {"revision", "nav_menu_item", "customize_changeset", "custom_css", "oembed_cache",
                 "wp_global_styles", "wp_navigation", "wp_template", "wp_template_part",
                 "user_request", "wp_block"}  # fmt: skip


@dataclass
class Options:
    uploads: Path | None = None
    dry_run: bool = False
    default_series: object = None  # a Series
    series_map: dict = field(default_factory=dict)
    authors: dict = field(default_factory=dict)
    new_authors: str = OUTSIDE
    byline_field: str = ""
    menus: bool = False

    def fingerprint(self):
        """What of the options shapes the items made (a change makes a re-run update them)."""
        shaping = {
            "default_series": getattr(self.default_series, "slug", None),
            "series_map": self.series_map,
            "authors": self.authors,
            "new_authors": self.new_authors,
            "byline_field": self.byline_field,
            "uploads": bool(self.uploads),
        }
        return json.dumps(shaping, sort_keys=True)

    def as_record(self):
        return {**json.loads(self.fingerprint()), "uploads": str(self.uploads or ""),
                "dry_run": self.dry_run, "menus": self.menus}  # fmt: skip


class Importer(OldAddresses):
    def __init__(self, path, options, *, say=None):
        self.path = Path(path)
        self.options = options
        self.say = say or (lambda text: None)
        self.report = Report()
        self.relinks = []  # (model, pk, field) of bodies that link to the old site
        self.nav_items = []
        self.waiting_pages = []
        self.placed = []
        self._slugs = {}
        self._touched = []
        self._redirects = []  # checked redirects of the item being imported
        self.redirects = []  # those of the items imported, written in batches
        self._loop_checked = (None, True)
        self._made_now = set()
        self._unfinished = {}  # key -> its ImportedItem, whose digest is not written yet
        self._relink_keys = set()
        self.dry_made = {}  # what a dry run would have made of attachments, unsaved
        self.dates = {}  # publication pk -> its last change on the old site, written in batches

    # The run

    def run(self):
        """Import the export; returns the ``ImportRun`` (unsaved for a dry run)."""
        self.scan = scan(self.path)  # raises wxr.NotAnExport: nothing written yet
        self.site = self.scan.site.key
        record = ImportRun(source=self.path.name, site=self.site, options=self.options.as_record())
        if not self.options.dry_run:
            record.save()
        self.say(f"Read {self.scan.items} items of {self.site or 'the export'}; importing...")
        try:
            if self.options.dry_run:
                with transaction.atomic(), one_generation(discard=True):
                    with indexing.deferred():
                        self._import_all()
                    transaction.set_rollback(True)
            else:
                with one_generation(), indexing.deferred():
                    self._import_all()
            record.succeeded = True
        finally:
            record.finished_at = timezone.now()
            record.counts = self.report.as_counts()
            record.warnings = self.report.warnings
            if not self.options.dry_run:
                record.save()
        return record

    def _import_all(self):
        self._prepare()
        terms.import_categories(self)
        done = 0
        for part in wxr.read(self.path):
            if not isinstance(part, wxr.Item):
                continue
            self._import_item(part)
            done += 1
            if done % FLUSH_EVERY == 0:
                self._flush()
                self.say(f"  {done} of {self.scan.items} items")
        pages.place_pages(self)
        media.place_pdfs(self)
        if self.options.menus:
            pages.import_menus(self)
        self._flush()
        self._relink()
        self._flush(final=True)

    def _flush(self, *, final=False):
        """Write what is kept for batches; then the digests of the items now complete."""
        if self.dates:
            Publication.objects.bulk_update(
                [Publication(pk=pk, updated_at=when) for pk, when in self.dates.items()],
                ["updated_at"],
                batch_size=FLUSH_EVERY,
            )
            self.dates = {}
        indexing.flush()
        write(list({redirect.old_path: redirect for redirect in self.redirects}.values()))
        self.redirects = []
        done = {k: r for k, r in self._unfinished.items() if final or k not in self._relink_keys}
        ImportedItem.objects.bulk_update(list(done.values()), ["digest"], batch_size=FLUSH_EVERY)
        self._unfinished = {k: r for k, r in self._unfinished.items() if k not in done}

    def _prepare(self):
        self.series = SeriesFinder(
            mapping=self.options.series_map, default=self.options.default_series
        )
        self.authors = AuthorFinder(
            mapping=self.options.authors, new_authors=self.options.new_authors
        )
        self.uploads = Uploads(self.options.uploads)
        self.converter = Converter(
            picture=lambda url: media.picture_for_url(self, url),
            attachment=lambda post_id: media.picture_for_attachment(self, post_id),
        )
        self.known = {
            (row.kind, row.source_id): row for row in ImportedItem.objects.filter(site=self.site)
        }
        self.existing = {}
        self.options_print = self.options.fingerprint()
        self.pdf_attachments = {
            pdf
            for post, pdf in self.scan.pdf_of_post.items()
            if self.scan.types.get(post) == "post"
        }
        self.waiting_pdfs = []

    def _import_item(self, item):
        kind = item.post_type
        if kind == "post":
            self.one("post", posts.label(item), lambda: posts.import_post(self, item))
        elif kind == "page":
            self.one("page", posts.label(item), lambda: pages.import_page(self, item))
        elif kind == "attachment":
            self.one("attachment", posts.label(item), lambda: media.import_attachment(self, item))
        elif kind == "nav_menu_item" and self.options.menus:
            self.nav_items.append(item)
        elif kind not in SKIPPED_TYPES:
            self.report.count(kind, "skipped")
            if self.report.counts[kind]["skipped"] == 1:
                self.report.warn(f"{kind} items", "this kind of WordPress item is not imported.")

    def one(self, kind, label, work):
        """Run ``work()`` in its own transaction; count its outcome, or report why it failed."""
        self._touched, self._redirects = [], []
        try:
            with transaction.atomic():
                outcome = work()
            self.redirects.extend(self._redirects)
        except ValidationError as error:
            outcome = "skipped"
            self.report.warn(label, f"not imported: {' '.join(error.messages)}")
            self._forget_rolled_back()
        except Exception as error:  # one bad item must not stop the others
            logger.debug("Importing %s failed", label, exc_info=True)
            outcome = "skipped"
            self.report.warn(label, f"not imported: {type(error).__name__}: {error}")
            self._forget_rolled_back()
        if outcome:
            self.report.count(kind, outcome)
        return outcome

    def _forget_rolled_back(self):
        """Drop what this process remembers of rows the failed item's rollback took away."""
        for key in self._touched:
            self._made_now.discard(key)
            self._unfinished.pop(key, None)
            self._relink_keys.discard(key)
            row = ImportedItem.objects.filter(site=self.site, kind=key[0], source_id=key[1])
            self.known[key] = row.first()
            if self.known[key] is None:
                del self.known[key]
        self._touched = []
        self.tags.clear()
        self._slugs.clear()
        self.existing.clear()
        self.authors.forget_unsaved()

    # Bookkeeping shared by the kinds of item

    def slugs_of(self, series_id):
        """The slugs taken in a series (read once, then kept up to date by the import)."""
        if series_id not in self._slugs:
            self._slugs[series_id] = set(
                Publication.objects.filter(series_id=series_id).values_list("slug", flat=True)
            )
        return self._slugs[series_id]

    def digest(self, *parts):
        text = json.dumps(
            [VERSION, self.options_print, *[asdict(p) if hasattr(p, "__dataclass_fields__")
                                            else p for p in parts]],
            sort_keys=True,
            default=str,
        )  # fmt: skip
        return hashlib.sha256(text.encode()).hexdigest()

    def previous(self, kind, source_id, model):
        """The object an earlier run made of this item, with its record (or ``(None, None)``)."""
        row = self.known.get((kind, str(source_id)))
        if row is None:
            return None, None
        target = model.objects.filter(pk=row.object_id).first()
        return target, row

    def unchanged(self, kind, source_id, digest, model):
        """Whether an earlier run made this item from the same export and options, and it is
        still there (an object deleted since is made again)."""
        row = self.known.get((kind, str(source_id)))
        if row is None or row.digest != digest:
            return False
        if model not in self.existing:
            self.existing[model] = set(model.objects.values_list("pk", flat=True))
        return row.object_id in self.existing[model]

    def remember(self, kind, source_id, target, *, digest="", details=None):
        row = self.known.get((kind, str(source_id)))
        if row is None:
            row = ImportedItem(site=self.site, kind=kind, source_id=str(source_id))
        row.content_type = ContentType.objects.get_for_model(type(target))
        row.object_id, row.details = target.pk, details or {}
        # Stored without its digest until the item's redirects, dates and links are written
        # (in batches): a run stopped before then does the item again.
        row.digest = ""
        row.save()
        row.digest = digest
        key = (kind, str(source_id))
        self.known[key] = row
        self._unfinished[key] = row
        self._made_now.add(key)
        self._touched.append(key)

    def relink(self, model, pk, key):
        """Point the body's links to the old site at the new addresses once all is in."""
        self.relinks.append((model, pk, "body"))
        self._relink_keys.add(key)

    def made_now(self, kind, source_id):
        """Whether this run made or updated the item already."""
        return (kind, str(source_id)) in self._made_now

    def made(self, kind, source_id):
        """The object made of an item in this run or an earlier one, or None."""
        if (kind, str(source_id)) in self.dry_made:
            return self.dry_made[(kind, str(source_id))]
        row = self.known.get((kind, str(source_id)))
        return row.target if row is not None else None

    def converted(self, content, label):
        """The body for ``content``, its notes reported; noted for relinking if it links home."""
        result = self.converter.convert(content)
        for note in result.notes:
            self.report.warn(label, note)
        return result.html
