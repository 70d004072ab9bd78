"""The results of a search, a page at a time, with their snippets.

The matches are ranked in the database; the paginator asks this list for one page and only
that page is read: from the ids found with the counts for the first page, or for any other
from the same candidates (``search.facets.ranked_ids``), or, sorted by date beyond the
bound, from the newest-first index. The list is as long as the count, so at most
``COUNT_BOUND`` results are offered, a page at a time. Each item shown is then loaded
through its model's
``public()`` (or the published menu, for pages), so an item that stopped being public since
it was indexed is dropped rather than shown.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

from events.models import Event
from navigation.menu import get_menu
from publications.models import Publication
from staff.models import Person

from .backends import backend
from .facets import ranked_ids
from .models import SearchEntry
from .text import START_MARK, STOP_MARK, query_terms

Kind = SearchEntry.Kind
SNIPPET_CHARS = 240


class ResultList:
    """The ranked results as a sequence the paginator can slice: only the page asked for is
    read, with its snippets, and its items are loaded through their ``public()``."""

    def __init__(self, search, words, entries, count, first=(), bounded=False):
        """``entries`` are those the visitor may see (matched to ``words`` here); ``count``
        the results counted, all of them unless ``bounded``."""
        self.search, self.words, self.entries, self.count = search, words, entries, count
        self.bounded = bounded
        self.first = list(first)  # the first page's entries, found with the counts

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("Search results are read a page at a time.")
        return self.page(index.start or 0, index.stop)

    def page(self, start, stop):
        if not self.count or (stop is not None and stop <= start):
            return []
        engine = backend()
        stop = self.count if stop is None else min(stop, self.count)
        if start == 0 and stop <= len(self.first):
            pks = self.first[:stop]
        elif self.bounded and self.search.sort == "date":
            # Newest first over every match: the date index, read until the page is found
            # (quickly, as a word found in this many items is in most of the newest).
            newest = engine.newest(self.entries, self.words).values_list("pk", flat=True)
            pks = list(newest[start:stop])
        else:
            pks = ranked_ids(self.entries, self.words, self.search.sort, start, stop)
        rows = engine.rows(pks, self.words)
        return [result for result in _results(rows, self.words) if result is not None]


@dataclass
class Result:
    kind: str
    title: str
    url: str
    meta: list
    snippet: str
    date: object = None
    item: object = None

    @property
    def kind_label(self):
        return dict(Kind.choices)[self.kind]


def _results(rows, words):
    """``Result``s for entry ``rows``, dropping any whose item is not public (any more)."""
    ids = {kind: [row.object_id for row in rows if row.kind == kind] for kind in Kind.values}
    items = {
        Kind.PUBLICATION: _in_bulk(
            Publication.objects.public().for_cards().select_related("generated_pdf"),
            ids[Kind.PUBLICATION],
        ),
        Kind.EVENT: _in_bulk(Event.objects.public(), ids[Kind.EVENT]),
        Kind.PERSON: _in_bulk(Person.objects.public(), ids[Kind.PERSON]),
    }
    menu = get_menu()
    for row in rows:
        snippet = _snippet(row, words)
        if row.kind == Kind.PAGE:
            node = menu.get(row.object_id)
            if node is None or node.kind != "page":
                yield None
                continue
            crumbs = [ancestor.title for ancestor in menu.ancestors(node)]
            yield Result(row.kind, node.title, node.url, crumbs, snippet)
            continue
        item = items[row.kind].get(row.object_id)
        if item is None:
            yield None
        elif row.kind == Kind.PUBLICATION:
            authors = [a.display_name for a in item.authorships.all()]
            meta = [item.series.item_name, item.code or "", *authors]
            yield Result(
                row.kind,
                item.title,
                item.get_absolute_url(),
                [m for m in meta if m],
                snippet,
                item.publication_date,
                item,
            )
        elif row.kind == Kind.EVENT:
            meta = [item.get_kind_display(), item.venue]
            yield Result(
                row.kind, item.title, item.get_absolute_url(), [m for m in meta if m], snippet,
                item.start, item,
            )  # fmt: skip
        else:
            meta = [item.position] if item.position else []
            yield Result(
                row.kind, item.display_name, item.get_absolute_url(), meta, snippet, None, item
            )


def _in_bulk(queryset, pks):
    return {item.pk: item for item in queryset.filter(pk__in=pks)} if pks else {}


def _snippet(row, words):
    """The row's headline from the database if it has one (its marks made ``<mark>``s),
    else an excerpt cut here."""
    if getattr(row, "snippet", None) is not None:
        marked = escape(row.snippet)
        marked = marked.replace(START_MARK, "<mark>").replace(STOP_MARK, "</mark>")
        return mark_safe(marked)  # noqa: S308 - built from escaped text
    return highlight(f"{row.summary} {row.body}".strip(), query_terms(words))


def highlight(text, terms):
    """An escaped excerpt of ``text`` around the first match, with every term in <mark>."""
    lowered = text.lower()
    terms = [t for t in terms if t.strip()]
    first = min((lowered.find(t.lower()) for t in terms if t.lower() in lowered), default=0)
    start = max(0, first - SNIPPET_CHARS // 3)
    excerpt = text[start : start + SNIPPET_CHARS]
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_CHARS < len(text) else ""
    if not terms:
        return f"{prefix}{escape(excerpt)}{suffix}"
    pattern = re.compile("|".join(re.escape(escape(t)) for t in terms), re.IGNORECASE)
    marked = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escape(excerpt))
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 - built from escaped text
