"""The fallback for SQLite (the embedded default) and any database without PostgreSQL's
full text: the same pages with plainer matching.

Every word of the query must occur somewhere in the item (case-insensitive substring, no
stemming); title matches rank first, then names and summary, then the rest. Snippets are
cut around the first match by ``search.results.highlight``; misspelled words are compared
with the word list by ``difflib``. The entries' vectors stay empty.
"""

import difflib

from django.db.models import Case, IntegerField, Q, Value, When

from core.content_cache import memo

from ..models import SearchEntry, SearchTerm
from ..text import query_terms
from .base import Backend

MATCHED_FIELDS = ("code", "title", "names", "summary", "body", "keywords")
MIN_RATIO = 0.75


class SQLiteBackend(Backend):
    """Substring matching on the entries' text columns."""

    facet_sql = {
        # Through the publications' link tables (no arrays to unnest).
        "category": """SELECT 'category', NULL, l.category_id, NULL, COUNT(*)
            FROM m JOIN {links} l ON l.publication_id = m.object_id
            WHERE {publication} GROUP BY l.category_id""",
        "author": """SELECT 'author', MAX(p.name), au.person_id, MAX(p.slug),
            COUNT(DISTINCT m.object_id)
            FROM m JOIN {authorships} au ON au.publication_id = m.object_id
            JOIN {people} p ON p.id = au.person_id
            WHERE {publication} GROUP BY au.person_id""",
    }

    def match(self, entries, words):
        terms = query_terms(words)
        if not terms:
            return entries.none()
        score = Value(0)
        for term in terms:
            entries = entries.filter(
                Q(*(Q(**{f"{name}__icontains": term}) for name in MATCHED_FIELDS), _connector=Q.OR)
            )
            score = score + Case(
                When(Q(code__iexact=term) | Q(title__icontains=term), then=Value(4)),
                When(Q(names__icontains=term) | Q(summary__icontains=term), then=Value(2)),
                default=Value(1),
                output_field=IntegerField(),
            )
        return entries.annotate(score=score)

    def containing(self, entries, word):
        return entries.filter(Q(title__icontains=word) | Q(names__icontains=word))

    def nearest(self, asked):
        """The nearest known words by ``difflib``, over the word list kept for the content
        generation."""
        words = memo(
            "search:terms", lambda: list(SearchTerm.objects.values_list("word", flat=True))
        )
        known = set(words)
        found = {}
        for word in asked:
            if word in known:
                found[word] = word
            else:
                close = difflib.get_close_matches(word, words, n=1, cutoff=MIN_RATIO)
                found[word] = close[0] if close else None
        return found

    def rows(self, pks, words):
        found = SearchEntry.objects.in_bulk(pks)
        return [found[pk] for pk in pks if pk in found]

    def write(self, entries, *, fields):
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["kind", "object_id"],
            update_fields=fields,
        )
