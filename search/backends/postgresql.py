"""PostgreSQL: full text with English stemming, weighted ranking, headlines, trigram spelling.

Each entry keeps two vectors, written with the row in one statement: ``head`` (code and
title, weight A; names and summary, B) to rank by, kept in the row, and ``vector`` (the
head, then the text, categories and tags, C) to match, stored aside as it is long. Matches
are ranked by the head only: ranking by the whole text would read every matching document.
The head has a GIN index of its own, so that the items with the words in their title,
names or summary (the only ones with a rank above zero) can be found without the others.

Testing a row's vector means fetching it from where long values are kept (about 8 µs a row),
which the planner does not know: for a word in most items it would scan the table testing
each row instead of reading the matches from the GIN index. The search's statements run
with ``statement_prefix``, which keeps the planner to the indexes for that statement only.

Snippets are ``ts_headline`` excerpts; misspelled words are compared with the word list
through its trigram index.
"""

import difflib
import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramDistance,
)
from django.db import connection
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat

from ..models import SearchEntry, SearchTerm
from ..text import START_MARK, STOP_MARK
from .base import Backend

CONFIG = "english"
# How close a known word must be to replace a misspelled one: trigram distance first (the
# index finds the candidates), then the ratio of ``difflib``, as on the fallback.
CANDIDATES = 5
MAX_DISTANCE = 0.85
MIN_RATIO = 0.75
# A word the query excludes (``-word``) in the web-search syntax.
NEGATED = re.compile(r"(?:^|\s)-\S")

UPSERT_SQL = (
    "INSERT INTO {table} ({columns}, head, vector) "
    "SELECT {casts}, {head}, {vector} FROM (VALUES {values}) AS v({columns}) "
    "ON CONFLICT (kind, object_id) DO UPDATE SET {updates}"
)


def document_sql():
    """SQL of the two vectors of a row ``v``: ``head`` (code and title, weight A; names and
    summary, B), what results are ranked by, and ``vector`` (the head, then the text,
    categories and tags, C), what is matched."""
    config = f"'{CONFIG}'::regconfig"
    head = (
        f"setweight(to_tsvector({config}, concat_ws(' ', v.code, v.title)), 'A') || "
        f"setweight(to_tsvector({config}, concat_ws(' ', v.names, v.summary)), 'B')"
    )
    rest = f"setweight(to_tsvector({config}, concat_ws(' ', v.body, v.keywords)), 'C')"
    return head, f"{head} || {rest}"


def _closest(word, candidates):
    if any(known == word for known, _ in candidates):
        return word
    scored = [
        (difflib.SequenceMatcher(None, word, known).ratio(), known)
        for known, distance in candidates
        if distance < MAX_DISTANCE
    ]
    scored = [(ratio, known) for ratio, known in scored if ratio >= MIN_RATIO]
    return max(scored)[1] if scored else None


class PostgreSQLBackend(Backend):
    """Full-text search on the entries' vectors."""

    materialized = "MATERIALIZED"
    # For a word in most items the planner would scan the table testing each row's vector
    # (10,000 matches in 110 ms) rather than take the matches from the GIN index (7 ms).
    # With sequential scans off, a plan that keeps one anyway (a small table) costs far
    # above the threshold of just-in-time compilation, which would spend 200 ms compiling:
    # that is off too. Both settings are LOCAL: they end with the transaction of the
    # statement they come with (or with the request's, if it has one). The public people
    # and events are given as lists (``search.services``) so that no subquery is planned
    # under these settings.
    statement_prefix = "SET LOCAL enable_seqscan = off; SET LOCAL jit = off; "

    facet_sql = {
        # From the ids kept in the entries (cheaper than a join per result; unnest in the
        # select list is about twice as fast as a lateral join to it).
        "category": """SELECT 'category', NULL, c.id, NULL, COUNT(*) FROM (
                SELECT unnest(m.category_ids) AS id FROM m WHERE {publication}
            ) c GROUP BY c.id""",
        "author": """SELECT 'author', p.name, p.id, p.slug, x.n FROM (
                SELECT a.id AS id, COUNT(*) AS n FROM (
                    SELECT unnest(m.author_ids) AS id FROM m WHERE {publication}
                ) a GROUP BY a.id
            ) x JOIN {people} p ON p.id = x.id""",
    }

    @staticmethod
    def query(words):
        """The visitor's words as a web-search query: quoted phrases, ``or``, ``-word``."""
        return SearchQuery(words, search_type="websearch", config=CONFIG)

    def match(self, entries, words):
        query = self.query(words)
        return entries.filter(vector=query).annotate(score=SearchRank(F("head"), query))

    def head_matches(self, entries, words):
        """Entries with every word in the head, by the head's index. A word excluded with
        ``-`` may still be in the text, so such a query has no head matches to offer."""
        if NEGATED.search(words):
            return None
        query = self.query(words)
        return entries.filter(head=query).annotate(score=SearchRank(F("head"), query))

    def containing(self, entries, word):
        return entries.filter(vector=SearchQuery(word, search_type="plain", config=CONFIG))

    def nearest(self, asked):
        """The nearest known words by trigram distance, using the index: one statement for
        all the words."""
        queries = [
            SearchTerm.objects.annotate(asked=Value(word), distance=TrigramDistance("word", word))
            .order_by("distance")
            .values_list("asked", "word", "distance")[:CANDIDATES]
            for word in asked
        ]
        rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
        candidates = {}
        for word, known, distance in rows:
            candidates.setdefault(word, []).append((known, distance))
        return {word: _closest(word, candidates.get(word, [])) for word in asked}

    def _with_snippets(self, rows, query):
        """``rows`` with a ``snippet``: the headline of summary and text, matches marked."""
        return rows.annotate(
            snippet=SearchHeadline(
                Concat("summary", Value(" "), "body", output_field=TextField()),
                query,
                config=CONFIG,
                start_sel=START_MARK,
                stop_sel=STOP_MARK,
                max_words=40,
                min_words=20,
            ),
        ).defer("body", "keywords", "vector", "head")

    def rows(self, pks, words):
        rows = self._with_snippets(SearchEntry.objects.filter(pk__in=pks), self.query(words))
        found = {row.pk: row for row in rows}
        return [found[pk] for pk in pks if pk in found]

    def write(self, entries, *, fields):
        """Write ``entries`` with their vectors in one statement (one row version each)."""
        fields = [SearchEntry._meta.get_field(name) for name in ["kind", "object_id", *fields]]
        columns = [field.column for field in fields]
        quote = connection.ops.quote_name
        head, vector = document_sql()
        row = "(" + ", ".join(["%s"] * len(fields)) + ")"
        casts = ", ".join(
            f"CAST(v.{quote(c)} AS {f.db_type(connection)})"
            for c, f in zip(columns, fields, strict=True)
        )
        updates = ", ".join(
            f"{quote(c)} = EXCLUDED.{quote(c)}" for c in [*columns[2:], "head", "vector"]
        )
        statement = UPSERT_SQL.format(
            table=quote(SearchEntry._meta.db_table),
            columns=", ".join(quote(column) for column in columns),
            values=", ".join([row] * len(entries)),
            casts=casts,
            head=head,
            vector=vector,
            updates=updates,
        )
        params = [
            field.get_db_prep_value(getattr(entry, field.attname), connection)
            for entry in entries
            for field in fields
        ]
        with connection.cursor() as cursor:
            cursor.execute(statement, params)

    def refresh_statistics(self):
        """Fresh statistics for the planner; outside a transaction, also make the space of
        the replaced rows reusable at once."""
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            for model in (SearchEntry, SearchTerm):
                cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")
