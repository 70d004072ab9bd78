"""What a visitor asked for: the query string read once into a ``SearchRequest``.

Everything after this step (matching, facets, spelling, results, the feed) works from the
request, never from the query string, so that a value is validated in one place: an unknown
type, order or facet value is a 404 here, as on the publication lists, while the words
themselves are cleaned and never refused. The request also writes the addresses of the
page's links (facets, order, pagination), so that reading and writing the query string stay
in step.

The facets are the ``/publications/`` filters: ``PublicationFilter`` reads them here and
``publications.queries.filtered`` applies them when the search runs.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import Http404, QueryDict

from publications import queries as publication_queries
from publications.filters import PublicationFilter
from publications.models import CODE_PATTERN

from .models import SearchEntry

Kind = SearchEntry.Kind
SORTS = ("relevance", "date")
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """Normalise a visitor's query: no control characters, bounded length, collapsed spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


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
    """The address of the public item whose code is the query, if there is one: a visitor
    who types a series code wants that item, not a page of results."""
    code = search.code()
    return publication_queries.by_code(code) if code else None
