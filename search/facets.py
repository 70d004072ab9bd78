"""The counts beside the results: how many per kind, and the publication facets (series,
year, category, staff author) with the links that narrow or widen the search.

The counts and the first page of results come from one SQL statement over the matching
entries, so that a word found in tens of thousands of items is read once, not once per facet.
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

#: How the results are ordered, in the statement above (``m`` holds the matching entries);
#: ``search.results`` orders the later pages the same way.
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
        "order": ORDER_SQL[sort],
        "limit": FIRST_PAGE,
    }
    statements = {**FACET_SQL, **backend().facet_sql}
    chosen = ["kind", "series", "year", "category", "author"]
    if any(node.depth > 0 and node.descendant_pks for node in category_nodes().values()):
        chosen.append("branch")
    chosen.append("first")
    parts = [statements[name].format(**names) for name in chosen]
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
    """The facets to show for ``counts``, each value with the address that chooses it (or,
    if chosen, drops it) while keeping the rest of the ``search``."""
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
