"""Site search over publications, content pages, people and events: ``run`` a search.

A search is put together from parts that each do one job:

- ``search.request``: the query string read into a validated ``SearchRequest``;
- ``search.backends``: what differs between databases, one backend object chosen once
  (PostgreSQL's full text with stemming, ranking, headlines and trigram corrections; the
  plainer SQLite fallback);
- ``search.facets``: the counts per kind, series, year, category and author (exact up to
  1,000 matches, "1,000+" beyond), read with the first page of results in one statement;
- ``search.spelling``: the correction of a query that finds nothing;
- ``search.results``: the ranked results a page at a time, with their snippets (ranked among
  candidates that hold the best, never among every match).

What stays here is the rule all of them share: only public items are ever found. The query
itself keeps to the entries of public items (``public()`` of events and people, the
published menu for pages, and for publications the entry's ``public_from`` against the
clock, which is the rule of ``public()`` kept with the entry), and the items shown are
loaded through their model's ``public()`` again.
"""

from dataclasses import dataclass, field

from django.db.models import Q, Value
from django.utils import timezone

from core.content_cache import memo
from events.models import Event
from navigation.menu import get_menu
from publications import queries as publication_queries
from staff.models import Person

from .facets import Facets, build_facets, facet_counts
from .models import SearchEntry
from .request import SearchRequest
from .results import ResultList
from .spelling import corrected

Kind = SearchEntry.Kind


def visible_ids():
    """The ids of the public people and events (one statement), kept for the content
    generation like the menu: a generation ends when a scheduled item is due, so these
    follow the clock too. Written into the search's statements as lists, they leave the
    planner nothing but the entries to plan for."""
    people = Person.objects.public().order_by().values_list("pk", Value(Kind.PERSON.value))
    events = Event.objects.public().order_by().values_list("pk", Value(Kind.EVENT.value))
    ids = {Kind.PERSON: [], Kind.EVENT: []}
    for pk, kind in people.union(events, all=True):
        ids[kind].append(pk)
    return ids


def visible_entries(search):
    """Entries of items the public may see now, of the asked kind and facets."""
    menu = get_menu()
    page_ids = [node.id for node in menu.by_path.values()]
    ids = memo("search:visible", visible_ids)
    conditions = {
        Kind.PUBLICATION: Q(kind=Kind.PUBLICATION, public_from__lte=timezone.now()),
        Kind.PAGE: Q(kind=Kind.PAGE, object_id__in=page_ids),
        Kind.PERSON: Q(kind=Kind.PERSON, object_id__in=ids[Kind.PERSON]),
        Kind.EVENT: Q(kind=Kind.EVENT, object_id__in=ids[Kind.EVENT]),
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
    visible = visible_entries(search)
    words = search.q
    counts = facet_counts(visible, words, search.sort)
    corrected_from = ""
    if not counts["total"]:
        better = corrected(words, visible=visible)
        if better:
            better_counts = facet_counts(visible, better, search.sort)
            if better_counts["total"]:
                corrected_from, words, counts = words, better, better_counts
    facets = build_facets(search, counts)
    # Beyond the bound the candidates are a sample: newest first needs the date index.
    first = [] if facets.bounded and search.sort == "date" else counts["first"]
    results = ResultList(search, words, visible, facets.total, first, facets.bounded)
    return Outcome(search, words, corrected_from, facets, results)
