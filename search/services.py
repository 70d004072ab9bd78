"""Site search over publications, content pages, people and events: ``run`` a search.

A search is put together from parts that each do one job:

- ``search.request``: the query string read into a validated ``SearchRequest``;
- ``search.backends``: what differs between databases, one backend object chosen once
  (PostgreSQL's full text with stemming, ranking, headlines and trigram corrections; the
  plainer SQLite fallback);
- ``search.facets``: the counts per kind, series, year, category and author, read with the
  first page of results in one statement;
- ``search.spelling``: the correction of a query that finds nothing;
- ``search.results``: the ranked results a page at a time, with their snippets.

What stays here is the rule all of them share: only public items are ever found. The query
itself keeps to the entries of public items (``public()`` of events and people, the
published menu for pages, and for publications the entry's ``public_from`` against the
clock, which is the rule of ``public()`` kept with the entry), and the items shown are
loaded through their model's ``public()`` again.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from events.models import Event
from navigation.menu import get_menu
from publications import queries as publication_queries
from staff.models import Person

from .backends import backend
from .facets import Facets, build_facets, facet_counts
from .models import SearchEntry
from .request import SearchRequest
from .results import ResultList
from .spelling import corrected

Kind = SearchEntry.Kind


def visible_entries(search):
    """Entries of items the public may see now, of the asked kind and facets."""
    menu = get_menu()
    page_ids = [node.id for node in menu.by_path.values()]
    conditions = {
        Kind.PUBLICATION: Q(kind=Kind.PUBLICATION, public_from__lte=timezone.now()),
        Kind.PAGE: Q(kind=Kind.PAGE, object_id__in=page_ids),
        Kind.PERSON: Q(kind=Kind.PERSON, object_id__in=Person.objects.public().values("pk")),
        Kind.EVENT: Q(kind=Kind.EVENT, object_id__in=Event.objects.public().values("pk")),
    }
    if not search.facets.is_empty():
        chosen = publication_queries.filtered(search.facets).values("pk")
        return SearchEntry.objects.filter(conditions[Kind.PUBLICATION], object_id__in=chosen)
    kinds = [search.kind] if search.kind else list(Kind)
    condition = Q()
    for kind in kinds:
        condition |= conditions[kind]
    return SearchEntry.objects.filter(condition)


@dataclass
class Outcome:
    """What a search found: its words (corrected or not), counts, facets and results."""

    search: SearchRequest
    words: str
    corrected_from: str = ""
    facets: Facets = field(default_factory=Facets)
    results: ResultList = None


def run(search):
    """Search for ``search.q``; if nothing matches, for its corrected spelling."""
    engine = backend()
    visible = visible_entries(search)
    words = search.q
    entries = engine.match(visible, words)
    counts = facet_counts(entries, search.sort)
    corrected_from = ""
    if not sum(counts["kind"].values()):
        better = corrected(words, visible=visible)
        if better:
            better_entries = engine.match(visible, better)
            better_counts = facet_counts(better_entries, search.sort)
            if sum(better_counts["kind"].values()):
                corrected_from, words = words, better
                entries, counts = better_entries, better_counts
    facets = build_facets(search, counts)
    results = ResultList(search, words, entries, facets.total, counts["first"])
    return Outcome(search, words, corrected_from, facets, results)
