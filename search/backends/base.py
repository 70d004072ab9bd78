"""What every search backend provides: the operations whose SQL differs between databases.

Everything else (which entries the public may see, the facets' shared statements, building
the facets and results, the spelling rules) is the same on every database and stays outside
the backends.
"""

from django.db.models import F

#: Newest first, undated last: the order of ``sort=date`` (on PostgreSQL the index
#: ``search_entry_newest`` serves it, so a page of a common word is found early).
NEWEST = (F("date").desc(nulls_last=True), F("id").desc())


class Backend:
    """The operations of the search that depend on the database."""

    #: The category and author facets: SELECTs over the matching entries ``m`` giving
    #: ``(facet, text, number, slug, count)`` rows, with the table names of
    #: ``search.facets.facet_counts`` to fill in.
    facet_sql = {}

    #: How a common table expression is kept apart from the statement using it, so that it
    #: is planned for all its rows and then read only as far as the statement asks.
    materialized = ""

    #: Statements run before the search's statements, in the same call (and so the same
    #: transaction): settings that steer their plans.
    statement_prefix = ""

    def match(self, entries, words):
        """``entries`` that match ``words``, annotated with a ``score`` to rank them by."""
        raise NotImplementedError

    def head_matches(self, entries, words):
        """Those ``entries`` that match ``words`` in their code, title, names or summary (the
        best candidates for the first pages of a word found in very many items), annotated
        with their ``score``; None if the backend has no cheap way to find them."""
        return None

    def newest(self, entries, words):
        """``entries`` that match ``words``, newest first."""
        return self.match(entries, words).order_by(*NEWEST)

    def containing(self, entries, word):
        """``entries`` in which ``word``, a known title or name word, is found."""
        raise NotImplementedError

    def nearest(self, asked):
        """For each word of ``asked``, the nearest known word (itself if known), or None
        when nothing is close enough."""
        raise NotImplementedError

    def rows(self, pks, words):
        """The entries ``pks`` (a page already ranked), in that order, ready for snippets."""
        raise NotImplementedError

    def write(self, entries, *, fields):
        """Insert or update ``entries`` (unsaved ``SearchEntry`` rows), writing ``fields``."""
        raise NotImplementedError

    def refresh_statistics(self):
        """Bring the planner's view of the index up to date after a rebuild."""
