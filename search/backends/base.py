"""What every search backend provides: the operations whose SQL differs between databases.

Everything else (which entries the public may see, the facets' shared statements, building
the facets and results, the spelling rules) is the same on every database and stays outside
the backends.
"""


class Backend:
    """The operations of the search that depend on the database."""

    #: The category and author facets: SELECTs over the matching entries ``m`` giving
    #: ``(facet, text, number, slug, count)`` rows, with the table names of
    #: ``search.facets.facet_counts`` to fill in.
    facet_sql = {}

    def match(self, entries, words):
        """``entries`` that match ``words``, annotated with a ``score`` to rank them by."""
        raise NotImplementedError

    def containing(self, entries, word):
        """``entries`` in which ``word``, a known title or name word, is found."""
        raise NotImplementedError

    def nearest(self, asked):
        """For each word of ``asked``, the nearest known word (itself if known), or None
        when nothing is close enough."""
        raise NotImplementedError

    def first_rows(self, pks, words):
        """The entries ``pks`` (a page already ranked), in that order, ready for snippets."""
        raise NotImplementedError

    def window_rows(self, window, words, ordering):
        """The entries of ``window`` (a slice of the ordered matches) in ``ordering``, ready
        for snippets."""
        raise NotImplementedError

    def write(self, entries, *, fields):
        """Insert or update ``entries`` (unsaved ``SearchEntry`` rows), writing ``fields``."""
        raise NotImplementedError

    def refresh_statistics(self):
        """Bring the planner's view of the index up to date after a rebuild."""
