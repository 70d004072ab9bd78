"""The counts beside the results: how many per kind, and the publication facets (series,
year, category, staff author) with the links that narrow or widen the search, and the
choice of the results' candidates.

The counts and the first page of results come from one SQL statement, which reads the
matches from the full-text index only as far as it needs: ``COUNT_BOUND`` (1,000) and one
more. A search with up to 1,000 matches gets exact counts and every match is ranked; beyond,
the page says "1,000+" and that the counts beside the filters are of the first 1,000 found.
Counting every match of a common word read 70,000 rows and grouped them five ways (200 ms
and more) for numbers no visitor needs exactly. Counts kept per word and facet were the
alternative, but they could not follow the visibility rules (a scheduled item appears at its
time) or a combination of words and filters without a table as large as the index.

The results are ranked among candidates, never among every match: the matches counted and,
beyond the bound, up to 1,000 entries with every word in their code, title, names or
summary, found through the head's own index (``Backend.head_matches``). Only those have a
rank above zero, so the first pages are the best ranked whenever there are fewer than 1,000
of them, and the best of 1,000 such when there are more. Sorted by date beyond the bound,
the results come from the newest-first index instead (``search.results``).

The statements shared by every database are here; the category and author facets, which
read arrays on PostgreSQL and link tables elsewhere, come from the backend.
"""

from dataclasses import dataclass, field

from django.db import connection

from publications import queries as publication_queries
from publications.categories import category_nodes
from publications.models import Authorship, Publication
from staff.models import Person

from .backends import backend
from .models import SearchEntry

Kind = SearchEntry.Kind
AUTHOR_FACETS = 10
#: The results read with the counts: the first page, which most visitors stop at.
FIRST_PAGE = 10
#: Matches counted exactly; beyond, the total shows as "1,000+", the facets count the first
#: 1,000 matches found and the results are ranked among them and as many head matches.
#: Reading and counting a match costs about 4 µs, so the bound keeps a search near 10 ms.
COUNT_BOUND = 1_000


@dataclass
class FacetValue:
    label: str
    count: int
    url: str
    chosen: bool = False


@dataclass
class Facets:
    total: int = 0
    #: Whether more than ``total`` items match (``total`` is then the bound counted to).
    bounded: bool = False
    kinds: list = field(default_factory=list)
    series: list = field(default_factory=list)
    years: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    authors: list = field(default_factory=list)

    @property
    def total_label(self):
        """The number of results as the page says it: "12", or "1,000+" when counting
        stopped."""
        return f"{self.total:,}+" if self.bounded else f"{self.total:,}"


# One SELECT per facet over the matching entries ``m``: (facet, text, number, slug, count),
# the kinds first (their text column gives the statement its column types).
# Table names are filled in quoted; every value of the search is a query parameter.
FACET_SQL = {
    "kind": "SELECT 'kind', m.kind, NULL, NULL, COUNT(*) FROM m GROUP BY m.kind",
    "total": "SELECT 'total', NULL, CAST(NULL AS bigint), NULL, COUNT(*) FROM found",
    "series": """SELECT 'series', NULL, m.series_id, NULL, COUNT(*) FROM m
        WHERE {publication} AND m.series_id IS NOT NULL GROUP BY m.series_id""",
    "year": """SELECT 'year', NULL, m.year, NULL, COUNT(*) FROM m
        WHERE {publication} AND m.year IS NOT NULL GROUP BY m.year""",
    # Categories with subcategories (if any): each item counted once however many it is in.
    "branch": """SELECT 'branch', NULL, a.id, NULL, COUNT(DISTINCT m.object_id)
        FROM m JOIN {links} l ON l.publication_id = m.object_id
        JOIN {categories} d ON d.id = l.category_id
        JOIN {categories} a ON a.tree_id = d.tree_id AND a.lft <= d.lft AND a.rght >= d.rght
        WHERE {publication} AND a.rght - a.lft > 1 AND a.level > 0
        GROUP BY a.id""",
    # The first page of results, in order (positions from 1).
    "first": """SELECT 'first', NULL, c.id, NULL, row_number() OVER (ORDER BY {order}) FROM (
            SELECT * FROM candidates c ORDER BY {order} LIMIT {limit:d}
        ) c""",
}

#: How the results are ordered among the candidates ``c``.
ORDER_SQL = {
    "relevance": "c.score DESC, c.date DESC NULLS LAST, c.id DESC",
    "date": "c.date DESC NULLS LAST, c.id DESC",
}

# ``matches`` is planned for all its rows (on PostgreSQL, a bitmap of the full-text index,
# as a materialized expression is planned apart from the LIMIT that reads it) and read only
# as far as ``found`` asks: ``COUNT_BOUND`` rows and one more, to know whether there are
# more. ``candidates``, what the results are ranked among, are the matches counted and,
# beyond the bound (the ``heads`` are then read, else never), the head matches.
WITH_SQL = """WITH matches AS {materialized} ({matches}),
    found AS {materialized} (SELECT * FROM matches LIMIT {over:d}),
    m AS (SELECT * FROM found LIMIT {bound:d})"""
HEADS_SQL = """, heads AS {materialized} ({heads}),
    candidates AS (SELECT id, score, date FROM m UNION SELECT id, score, date FROM heads
        WHERE (SELECT COUNT(*) FROM found) > {bound:d}) """
SAMPLE_SQL = ", candidates AS (SELECT id, score, date FROM m) "
PAGE_SQL = "SELECT c.id FROM candidates c ORDER BY {order} LIMIT {limit:d} OFFSET {offset:d}"


def matching_sql(entries, words):
    """The common table expressions of the search (``matches``, ``found``, ``m`` and
    ``candidates``) for ``entries`` matching ``words``, with their parameters."""
    engine = backend()
    columns = ["id", "kind", "object_id", "series_id", "year", "category_ids", "author_ids"]
    found = engine.match(entries, words).order_by().values(*columns, "date", "score")
    matches, params = found.query.sql_with_params()
    names = {"materialized": engine.materialized, "over": COUNT_BOUND + 1, "bound": COUNT_BOUND}
    sql = WITH_SQL.format(matches=matches, **names)
    heads = engine.head_matches(entries, words)
    if heads is None:
        return sql + SAMPLE_SQL, params
    heads = heads.order_by().values("id", "score", "date")[:COUNT_BOUND]
    heads_sql, heads_params = heads.query.sql_with_params()
    return sql + HEADS_SQL.format(heads=heads_sql, **names), (*params, *heads_params)


def ranked_ids(entries, words, sort, start, stop):
    """The ids of results ``start`` to ``stop`` among the candidates, in order."""
    sql, params = matching_sql(entries, words)
    page = PAGE_SQL.format(order=ORDER_SQL[sort], limit=stop - start, offset=start)
    statement = backend().statement_prefix + sql + page
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return [pk for (pk,) in cursor.fetchall()]


def facet_counts(entries, words, sort="relevance"):
    """The number of ``entries`` matching ``words`` (up to ``COUNT_BOUND`` and one more),
    per kind, and of their publications per series, year, category (with its
    subcategories) and staff author (over at most ``COUNT_BOUND`` of them), and the first
    page of results in the order of ``sort``: one SQL statement.

    Returns ``{"total": n, "kind": {kind: n}, "series": {pk: n}, "year": {year: n},
    "category": {pk: n}, "author": {pk: (name, slug, n)}, "first": [entry pk, ...]}``;
    ``total`` above ``COUNT_BOUND`` means "more than that".
    """
    engine = backend()
    sql, params = matching_sql(entries, words)
    quote = connection.ops.quote_name
    names = {
        "links": quote(Publication.categories.through._meta.db_table),
        "categories": quote(Publication.categories.field.related_model._meta.db_table),
        "authorships": quote(Authorship._meta.db_table),
        "people": quote(Person._meta.db_table),
        "publication": f"m.kind = '{Kind.PUBLICATION.value}'",
        "order": ORDER_SQL[sort],
        "limit": FIRST_PAGE,
    }
    statements = {**FACET_SQL, **engine.facet_sql}
    chosen = ["kind", "total", "series", "year", "category", "author"]
    if any(node.depth > 0 and node.descendant_pks for node in category_nodes().values()):
        chosen.append("branch")
    chosen.append("first")
    parts = [statements[name].format(**names) for name in chosen]
    statement = engine.statement_prefix + sql + " UNION ALL ".join(parts)
    counts = {name: {} for name in ("kind", "series", "year", "category", "author", "first")}
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    branches = {}
    for facet, text, number, slug, count in rows:
        if facet == "total":
            counts["total"] = count
        elif facet == "kind":
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
    """The facets to show for ``counts``, each value with the address that chooses it (or,
    if chosen, drops it) while keeping the rest of the ``search``."""
    chosen = search.facets
    bounded = counts["total"] > COUNT_BOUND
    facets = Facets(total=min(counts["total"], COUNT_BOUND), bounded=bounded)
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
