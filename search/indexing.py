"""Writing the search index: the document of each publication, page, person and event.

``index_items(kind, pks)`` brings the entries of those items up to date (and removes the entries
of items that no longer exist); the signal handlers in ``search.signals`` call it on every
save, and ``rebuild()`` runs it over everything (``manage.py rebuild_search``, ``load_demo``).
Items are indexed whatever their status: whether the public may see them is decided when a
search runs. What goes into a document is decided here, the same on every database; how the
rows are written (with their vectors, on PostgreSQL) is the backend's.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from core.content_cache import bump_generation

from .backends import backend
from .models import SearchEntry, SearchTerm
from .text import plain_text, terms_of

Kind = SearchEntry.Kind
BATCH = 1000
# While set (see ``deferred``): the items to index, by kind.
_pending = ContextVar("search_pending", default=None)
TEXT_FIELDS = [
    "code", "title", "names", "summary", "body", "keywords", "date", "year", "series_id",
    "category_ids", "author_ids", "public_from",
]  # fmt: skip


def public_from(publication):
    """When ``Publication.objects.public()`` starts to include ``publication``, or None."""
    if publication.status in type(publication).RELEASED:
        return publication.published_at
    return None


def _ids(pks):
    return sorted({pk for pk in pks if pk is not None})


def _join(*parts):
    return " ".join(part.strip() for part in parts if part and part.strip())


def _publication_entries(pks):
    from publications.models import Authorship, Category, Publication

    items = Publication.objects.filter(pk__in=pks).prefetch_related(
        Prefetch("authorships", queryset=Authorship.objects.select_related("person")),
        Prefetch("categories", queryset=Category.objects.only("id", "name")),
        "tags",
    )
    for item in items:
        authors = [a.display_name for a in item.authorships.all()]
        affiliations = [a.affiliation for a in item.authorships.all()]
        keywords = [c.name for c in item.categories.all()] + [t.name for t in item.tags.all()]
        yield SearchEntry(
            kind=Kind.PUBLICATION,
            object_id=item.pk,
            code=item.code or "",
            title=item.title,
            names=_join(*authors, *affiliations),
            summary=item.synopsis,
            # An uploaded PDF's text counts as much as the body (often it is the whole item).
            body=_join(plain_text(item.body), item.pdf_text),
            keywords=_join(*keywords),
            date=item.publication_date,
            year=item.publication_date.year if item.publication_date else None,
            series_id=item.series_id,
            category_ids=_ids(c.pk for c in item.categories.all()),
            author_ids=_ids(a.person_id for a in item.authorships.all()),
            public_from=public_from(item),
        )


def _person_entries(pks):
    from staff.models import Person

    for person in Person.objects.filter(pk__in=pks).prefetch_related("expertise"):
        yield SearchEntry(
            kind=Kind.PERSON,
            object_id=person.pk,
            title=person.name,
            names=person.honorific,
            summary=_join(person.position, person.short_bio),
            body=plain_text(person.full_bio),
            keywords=_join(*(area.name for area in person.expertise.all())),
        )


def _event_entries(pks):
    from events.models import Event, EventSpeaker

    items = (
        Event.objects.filter(pk__in=pks)
        .select_related("centre")
        .prefetch_related(
            Prefetch("speakers", queryset=EventSpeaker.objects.select_related("person"))
        )
    )
    for event in items:
        speakers = [s.display_name for s in event.speakers.all()]
        day = timezone.localtime(event.start).date()
        yield SearchEntry(
            kind=Kind.EVENT,
            object_id=event.pk,
            title=event.title,
            names=_join(*speakers),
            summary=_join(event.summary, event.venue),
            body=plain_text(event.description),
            keywords=_join(event.get_kind_display(), event.centre.name if event.centre else ""),
            date=day,
            year=day.year,
        )


def _page_entries(pks):
    from navigation.models import MenuItem

    for item in MenuItem.objects.filter(pk__in=pks, kind=MenuItem.Kind.PAGE):
        yield SearchEntry(
            kind=Kind.PAGE,
            object_id=item.pk,
            title=item.title,
            summary=item.summary,
            body=plain_text(item.body),
        )


BUILDERS = {
    Kind.PUBLICATION: _publication_entries,
    Kind.PERSON: _person_entries,
    Kind.EVENT: _event_entries,
    Kind.PAGE: _page_entries,
}


def _all_pks(kind):
    from events.models import Event
    from navigation.models import MenuItem
    from publications.models import Publication
    from staff.models import Person

    model = {
        Kind.PUBLICATION: Publication,
        Kind.PERSON: Person,
        Kind.EVENT: Event,
        Kind.PAGE: MenuItem,
    }[kind]
    return model.objects.order_by("pk").values_list("pk", flat=True)


@contextmanager
def deferred():
    """Collect the items that changes ask to index, and index them together when the block
    ends or ``flush()`` is called: a batch of saves (an import) writes its entries in a few
    statements instead of several per row."""
    pending = defaultdict(set)
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
        _index_pending(pending)


def flush():
    """Index now what a ``deferred()`` block has collected so far."""
    pending = _pending.get()
    if pending:
        _pending.set(None)
        try:
            _index_pending(pending)
        finally:
            _pending.set(pending)


def _index_pending(pending):
    for kind, pks in list(pending.items()):
        pks = sorted(pks)
        pending.pop(kind)
        for start in range(0, len(pks), BATCH):
            index_items(kind, pks[start : start + BATCH])


def index_items(kind, pks):
    """Bring the entries of the ``kind`` items ``pks`` up to date; drop those of deleted items."""
    pks = sorted({int(pk) for pk in pks if pk is not None})
    if not pks:
        return 0
    pending = _pending.get()
    if pending is not None:
        pending[kind].update(pks)
        return 0
    entries = list(BUILDERS[kind](pks))
    found = {entry.object_id for entry in entries}
    with transaction.atomic():
        missing = [pk for pk in pks if pk not in found]
        if missing:
            SearchEntry.objects.filter(kind=kind, object_id__in=missing).delete()
        if entries:
            backend().write(entries, fields=TEXT_FIELDS)
            words = terms_of(*(f"{entry.title} {entry.names}" for entry in entries))
            SearchTerm.objects.bulk_create(
                [SearchTerm(word=word) for word in sorted(words)], ignore_conflicts=True
            )
    return len(entries)


def remove_items(kind, pks):
    SearchEntry.objects.filter(kind=kind, object_id__in=list(pks)).delete()


def rebuild(kinds=None, *, batch=BATCH, progress=None):
    """(Re)build the entries of every item of ``kinds`` (all kinds by default), in batches.

    Returns the number of entries per kind. ``progress(kind, done)`` is called after each batch.
    """
    counts = {}
    for kind in kinds or list(Kind):
        pks = list(_all_pks(kind))
        SearchEntry.objects.filter(kind=kind).exclude(object_id__in=_all_pks(kind)).delete()
        done = 0
        for start in range(0, len(pks), batch):
            done += index_items(kind, pks[start : start + batch])
            if progress:
                progress(kind, done)
        counts[kind] = done
    backend().refresh_statistics()
    bump_generation()  # answers kept for the old entries are out of date
    return counts
