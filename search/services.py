"""Site search over publications, content pages, people and events.

On PostgreSQL: full-text matching with English stemming on the stored, weighted documents
(``search.models.SearchEntry``: code and title, then authors and summary, then the text,
categories and tags), ranked by the matches in the code and title (weight 1.0), then in the
authors and summary (0.4); items that match only in their text, categories or tags follow,
newest first (ranking them by their whole text would read every matching document, too slow
for a word found in tens of thousands). Snippets come from ``ts_headline``; a query that finds
nothing has its unknown words replaced by the nearest known title or name words (trigram
distance), so “Lavorv” finds “Lavrov”.

On SQLite (the embedded default) the same pages work with plainer matching: every word of the
query must occur somewhere in the item (case-insensitive substring, no stemming), title
matches rank first, and misspellings are corrected with ``difflib`` against the same words.

Either way only public items are ever found: the query itself keeps to the entries of public
items (``public()`` of events and people, the published menu for pages, and for publications
the entry's ``public_from`` against the clock, which is the rule of ``public()`` kept with the
entry), and the items shown are loaded through their model's ``public()`` again.

Facets (series, year, category, author, and the tag) are the ``/publications/`` filters:
``PublicationFilter`` reads them and ``queries.filtered`` applies them.
"""

import difflib
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramDistance,
)
from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Concat
from django.http import Http404, QueryDict
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.content_cache import memo
from events.models import Event
from navigation.menu import get_menu
from publications import queries as publication_queries
from publications.categories import category_nodes
from publications.filters import PublicationFilter
from publications.models import CODE_PATTERN, Authorship, Publication
from staff.models import Person

from .indexing import CONFIG, START_MARK, STOP_MARK, terms_of
from .models import SearchEntry, SearchTerm

Kind = SearchEntry.Kind
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MAX_CORRECTED = 4
SNIPPET_CHARS = 240
AUTHOR_FACETS = 10
SORTS = ("relevance", "date")
TEXT_FIELDS = ("code", "title", "names", "summary", "body", "keywords")


def clean_query(raw):
    """Normalise a visitor's query: no control characters, bounded length, collapsed spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def query_terms(query):
    return [term for term in query.split(" ") if term][:MAX_TERMS]


def uses_full_text():
    return connection.vendor == "postgresql"


@dataclass
class SearchRequest:
    """What a visitor asked for: the words, the kind of item, the facets and the order."""

    q: str = ""
    kind: str = ""
    sort: str = "relevance"
    facets: PublicationFilter = field(default_factory=PublicationFilter)

    @classmethod
    def from_query(cls, query):
        """Read ``query`` (a QueryDict). Unusable facet values are a 404, as on the lists;
        the words themselves are cleaned, never refused."""
        kind = query.get("type", "")
        if kind and kind not in Kind.values:
            raise Http404("There is no such type of result.")
        sort = query.get("sort", "") or "relevance"
        if sort not in SORTS:
            raise Http404("Results can be sorted by relevance or by date.")
        rest = QueryDict(mutable=True)
        for name in PublicationFilter.PARAMS:
            if name != "q" and name in query:
                rest.setlist(name, query.getlist(name))
        facets = PublicationFilter.from_query(rest)
        if not facets.is_empty():
            kind = Kind.PUBLICATION  # facets are about publications
        return cls(clean_query(query.get("q", "")), kind, sort, facets)

    def query_items(self, **changes):
        """The query-string pairs of this request with ``changes``: a value, a list of values,
        or None to drop the parameter. Choosing a kind other than publications drops the
        publication facets."""
        state = {
            "q": self.q,
            "type": self.kind if self.facets.is_empty() else "",
            "sort": "date" if self.sort == "date" else "",
        }
        facet_items = self.facets.query_items()
        for name, value in changes.items():
            if name in state:
                state[name] = value or ""
                continue
            facet_items = [(n, v) for n, v in facet_items if n != name]
            values = value if isinstance(value, list) else [value] if value else []
            facet_items += [(name, v) for v in values]
        if state["type"] and state["type"] != Kind.PUBLICATION:
            facet_items = []
        return [(name, value) for name, value in state.items() if value] + facet_items

    def url_with(self, **changes):
        return "?" + urlencode(self.query_items(**changes))

    @property
    def relevance_url(self):
        return self.url_with(sort=None)

    @property
    def date_url(self):
        return self.url_with(sort="date")

    @property
    def page_query(self):
        return urlencode(self.query_items())

    def code(self):
        """The series code this query is, in capitals, or ''."""
        candidate = self.q.replace(" ", "").upper()
        return candidate if CODE_PATTERN.fullmatch(candidate) else ""


def code_target(search):
    """The address of the public item whose code is the query, if there is one."""
    code = search.code()
    return publication_queries.by_code(code) if code else None


# -- Matching ------------------------------------------------------------------------------


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


def matching(search, words):
    """Visible entries matching ``words``, annotated with a ``score`` to rank them by."""
    entries = visible_entries(search)
    if uses_full_text():
        query = SearchQuery(words, search_type="websearch", config=CONFIG)
        return entries.filter(vector=query).annotate(score=SearchRank(F("head"), query))
    terms = query_terms(words)
    if not terms:
        return entries.none()
    score = Value(0)
    for term in terms:
        entries = entries.filter(
            Q(*(Q(**{f"{name}__icontains": term}) for name in TEXT_FIELDS), _connector=Q.OR)
        )
        score = score + Case(
            When(Q(code__iexact=term) | Q(title__icontains=term), then=Value(4)),
            When(Q(names__icontains=term) | Q(summary__icontains=term), then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return entries.annotate(score=score)


# -- Counting and facets --------------------------------------------------------------------


@dataclass
class FacetValue:
    label: str
    count: int
    url: str
    chosen: bool = False


@dataclass
class Facets:
    total: int = 0
    kinds: list = field(default_factory=list)
    series: list = field(default_factory=list)
    years: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    authors: list = field(default_factory=list)


# One SELECT per facet over the matching entries ``m``: (facet, text, number, slug, count).
# Table names are filled in quoted; every value of the search is a query parameter.
FACET_SQL = {
    "kind": "SELECT 'kind', m.kind, NULL, NULL, COUNT(*) FROM m GROUP BY m.kind",
    "series": """SELECT 'series', NULL, m.series_id, NULL, COUNT(*) FROM m
        WHERE {publication} AND m.series_id IS NOT NULL GROUP BY m.series_id""",
    "year": """SELECT 'year', NULL, m.year, NULL, COUNT(*) FROM m
        WHERE {publication} AND m.year IS NOT NULL GROUP BY m.year""",
    # PostgreSQL: from the ids kept in the entries (cheaper than a join per result; unnest in
    # the select list is about twice as fast as a lateral join to it).
    "category_ids": """SELECT 'category', NULL, c.id, NULL, COUNT(*) FROM (
            SELECT unnest(m.category_ids) AS id FROM m WHERE {publication}
        ) c GROUP BY c.id""",
    "author_ids": """SELECT 'author', p.name, p.id, p.slug, x.n FROM (
            SELECT a.id AS id, COUNT(*) AS n FROM (
                SELECT unnest(m.author_ids) AS id FROM m WHERE {publication}
            ) a GROUP BY a.id
        ) x JOIN {people} p ON p.id = x.id""",
    # SQLite: through the publications' link tables.
    "category": """SELECT 'category', NULL, l.category_id, NULL, COUNT(*)
        FROM m JOIN {links} l ON l.publication_id = m.object_id
        WHERE {publication} GROUP BY l.category_id""",
    "author": """SELECT 'author', MAX(p.name), au.person_id, MAX(p.slug),
        COUNT(DISTINCT m.object_id)
        FROM m JOIN {authorships} au ON au.publication_id = m.object_id
        JOIN {people} p ON p.id = au.person_id
        WHERE {publication} GROUP BY au.person_id""",
    # Categories with subcategories (if any): each item counted once however many it is in.
    "branch": """SELECT 'branch', NULL, a.id, NULL, COUNT(DISTINCT m.object_id)
        FROM m JOIN {links} l ON l.publication_id = m.object_id
        JOIN {categories} d ON d.id = l.category_id
        JOIN {categories} a ON a.tree_id = d.tree_id AND a.lft <= d.lft AND a.rght >= d.rght
        WHERE {publication} AND a.rght - a.lft > 1 AND a.level > 0
        GROUP BY a.id""",
    # The first page of results, in order (positions from 1).
    "first": """SELECT 'first', NULL, m.id, NULL, row_number() OVER (ORDER BY {order}) FROM (
            SELECT * FROM m ORDER BY {order} LIMIT {limit:d}
        ) m""",
}


FIRST_PAGE = 10
#: How the results are ordered, in the statement below (``m`` holds the matching entries).
ORDER_SQL = {
    "relevance": "m.score DESC, m.date DESC NULLS LAST, m.id DESC",
    "date": "m.date DESC NULLS LAST, m.id DESC",
}


def facet_counts(entries, sort="relevance"):
    """The number of ``entries`` per kind, and of their publications per series, year,
    category (with its subcategories) and staff author, and the first page of results in
    order: one SQL statement, so the matching entries are read once.

    Returns ``{"kind": {kind: n}, "series": {pk: n}, "year": {year: n},
    "category": {pk: n}, "author": {pk: (name, slug, n)}, "first": [entry pk, ...]}``.
    """
    columns = ["kind", "object_id", "series_id", "year", "category_ids", "author_ids", "id"]
    columns += ["date", "score"] if sort == "relevance" else ["date"]
    sql, params = entries.order_by().values(*columns).query.sql_with_params()
    quote = connection.ops.quote_name
    names = {
        "links": quote(Publication.categories.through._meta.db_table),
        "categories": quote(Publication.categories.field.related_model._meta.db_table),
        "authorships": quote(Authorship._meta.db_table),
        "people": quote(Person._meta.db_table),
        "publication": f"m.kind = '{Kind.PUBLICATION.value}'",
    }
    chosen = ["kind", "series", "year"]
    chosen += ["category_ids", "author_ids"] if uses_full_text() else ["category", "author"]
    if any(node.depth > 0 and node.descendant_pks for node in category_nodes().values()):
        chosen.append("branch")
    chosen.append("first")
    names.update(order=ORDER_SQL[sort], limit=FIRST_PAGE)
    parts = [FACET_SQL[name].format(**names) for name in chosen]
    statement = "WITH m AS (" + sql + ") " + " UNION ALL ".join(parts)
    counts = {name: {} for name in ("kind", "series", "year", "category", "author", "first")}
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    branches = {}
    for facet, text, number, slug, count in rows:
        if facet == "kind":
            counts["kind"][text] = count
        elif facet == "author":
            counts["author"][number] = (text, slug, count)
        elif facet == "branch":
            branches[number] = count
        elif facet == "first":
            counts["first"][count] = number
        else:
            counts[facet][number] = count
    counts["category"].update(branches)  # a category with subcategories counts them too
    counts["first"] = [pk for _, pk in sorted(counts["first"].items())]
    return counts


def build_facets(search, counts):
    chosen = search.facets
    facets = Facets(total=sum(counts["kind"].values()))
    labels = dict(Kind.choices)
    for kind in Kind.values:
        if counts["kind"].get(kind):
            facets.kinds.append(
                FacetValue(
                    f"{labels[kind]}s" if kind != Kind.PERSON else "People",
                    counts["kind"][kind],
                    search.url_with(type=None if search.kind == kind else kind),
                    chosen=search.kind == kind,
                )
            )
    for series in publication_queries.all_series():
        if counts["series"].get(series.pk):
            facets.series.append(
                FacetValue(
                    series.name,
                    counts["series"][series.pk],
                    _toggle(search, "series", chosen.series, series.slug),
                    chosen=series.slug in chosen.series,
                )
            )
    for year in sorted(counts["year"], reverse=True):
        facets.years.append(
            FacetValue(
                str(year),
                counts["year"][year],
                search.url_with(year=None if chosen.year == year else str(year)),
                chosen=chosen.year == year,
            )
        )
    for node in category_nodes().values():
        if node.depth > 0 and counts["category"].get(node.pk):
            facets.categories.append(
                FacetValue(
                    node.name,
                    counts["category"][node.pk],
                    _toggle(search, "category", chosen.categories, node.path),
                    chosen=node.path in chosen.categories,
                )
            )
    authors = sorted(counts["author"].values(), key=lambda a: (-a[2], a[0]))[:AUTHOR_FACETS]
    for name, slug, count in authors:
        facets.authors.append(
            FacetValue(
                name,
                count,
                search.url_with(author=None if chosen.author == slug else slug),
                chosen=chosen.author == slug,
            )
        )
    return facets


def _toggle(search, name, current, value):
    """The address with ``value`` added to, or removed from, the chosen values of ``name``."""
    values = [v for v in current if v != value] if value in current else [*current, value]
    return search.url_with(**{name: sorted(values)})


# -- Misspellings ---------------------------------------------------------------------------


def corrected(words, search):
    """``words`` with unknown words replaced by the nearest known title or name words, or
    None when nothing changes. A word is only offered if something the visitor may see
    contains it: the word list also holds words of drafts, which must not show through."""
    asked = [w for w in dict.fromkeys(terms_of(words)) if len(w) >= 4][:MAX_CORRECTED]
    if not asked:
        return None
    known = _nearest_pg(asked) if uses_full_text() else _nearest_plain(asked)
    replacements = {word: best for word, best in known.items() if best and best != word}
    visible = _visible_words(search, set(replacements.values()))
    replacements = {word: best for word, best in replacements.items() if best in visible}
    if not replacements:
        return None
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in replacements) + r")\b", re.IGNORECASE
    )
    return pattern.sub(lambda m: replacements.get(m.group(0).lower(), m.group(0)), words)


def _visible_words(search, candidates):
    """Those of ``candidates`` found in an entry the visitor may see: one statement."""
    if not candidates:
        return set()
    entries = visible_entries(search)
    flags = {}
    for number, word in enumerate(sorted(candidates)):
        if uses_full_text():
            found = entries.filter(vector=SearchQuery(word, search_type="plain", config=CONFIG))
        else:
            found = entries.filter(Q(title__icontains=word) | Q(names__icontains=word))
        flags[f"word_{number}"] = Exists(found)
    row = SearchEntry.objects.order_by().annotate(**flags).values(*flags).first() or {}
    return {word for number, word in enumerate(sorted(candidates)) if row.get(f"word_{number}")}


def _nearest_pg(asked):
    """For each word, the known word nearest to it (trigram distance, using the index), if it
    is close enough; one statement for all the words."""
    queries = [
        SearchTerm.objects.annotate(asked=Value(word), distance=TrigramDistance("word", word))
        .order_by("distance")
        .values_list("asked", "word", "distance")[:5]
        for word in asked
    ]
    rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    candidates = {}
    for word, known, distance in rows:
        candidates.setdefault(word, []).append((known, distance))
    return {word: _closest(word, candidates.get(word, [])) for word in asked}


def _closest(word, candidates):
    if any(known == word for known, _ in candidates):
        return word
    scored = [
        (difflib.SequenceMatcher(None, word, known).ratio(), known)
        for known, distance in candidates
        if distance < 0.85
    ]
    scored = [(ratio, known) for ratio, known in scored if ratio >= 0.75]
    return max(scored)[1] if scored else None


def _nearest_plain(asked):
    words = memo("search:terms", lambda: list(SearchTerm.objects.values_list("word", flat=True)))
    known = set(words)
    found = {}
    for word in asked:
        if word in known:
            found[word] = word
        else:
            close = difflib.get_close_matches(word, words, n=1, cutoff=0.75)
            found[word] = close[0] if close else None
    return found


# -- Results --------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What a search found: its words (corrected or not), counts, facets and results."""

    search: SearchRequest
    words: str
    corrected_from: str = ""
    facets: Facets = field(default_factory=Facets)
    results: "ResultList" = None


def run(search):
    """Search for ``search.q``; if nothing matches, for its corrected spelling."""
    words = search.q
    entries = matching(search, words)
    counts = facet_counts(entries, search.sort)
    corrected_from = ""
    if not sum(counts["kind"].values()):
        better = corrected(words, search)
        if better:
            better_entries = matching(search, better)
            better_counts = facet_counts(better_entries, search.sort)
            if sum(better_counts["kind"].values()):
                corrected_from, words = words, better
                entries, counts = better_entries, better_counts
    facets = build_facets(search, counts)
    results = ResultList(search, words, entries, facets.total, counts["first"])
    return Outcome(search, words, corrected_from, facets, results)


class ResultList:
    """The ranked results as a sequence the paginator can slice: only the page asked for is
    read, with its snippets, and its items are loaded through their ``public()``."""

    def __init__(self, search, words, entries, count, first=()):
        self.search, self.words, self.entries, self.count = search, words, entries, count
        self.first = list(first)  # the first page's entries, found with the counts

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("Search results are read a page at a time.")
        return self.page(index.start or 0, index.stop)

    def ordered(self, entries):
        if self.search.sort == "date":
            return entries.order_by(F("date").desc(nulls_last=True), "-id")
        return entries.order_by("-score", F("date").desc(nulls_last=True), "-id")

    def page(self, start, stop):
        if not self.count or (stop is not None and stop <= start):
            return []
        known = stop is not None and start == 0 and stop <= FIRST_PAGE and self.first
        window = self.first[:stop] if known else self.ordered(self.entries)[start:stop]
        if known and not uses_full_text():
            found = SearchEntry.objects.in_bulk(window)
            rows = [found[pk] for pk in window if pk in found]
        elif uses_full_text():
            query = SearchQuery(self.words, search_type="websearch", config=CONFIG)
            rows = (
                SearchEntry.objects.filter(pk__in=window if known else window.values("pk"))
                .annotate(
                    snippet=SearchHeadline(
                        Concat("summary", Value(" "), "body", output_field=TextField()),
                        query,
                        config=CONFIG,
                        start_sel=START_MARK,
                        stop_sel=STOP_MARK,
                        max_words=40,
                        min_words=20,
                    ),
                )
                .defer("body", "keywords", "vector", "head")
            )
            if known:
                found = {row.pk: row for row in rows}
                rows = [found[pk] for pk in window if pk in found]
            else:
                rows = list(self.ordered(rows.annotate(score=SearchRank(F("head"), query))))
        else:
            rows = list(window)
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
        Kind.PUBLICATION: _in_bulk(Publication.objects.public().for_cards(), ids[Kind.PUBLICATION]),
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
