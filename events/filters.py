"""The filters and page numbers of the events list, read from the query string and checked.

Values are checked the way publication lists check theirs (``publications.filters``): NUL
characters, overlong and repeated values, non-ASCII or out-of-range years are a 404.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

from core.pagination import CountedPaginator
from core.params import clean, parse_year

from .dates import site_zone
from .models import Event

MAX_PAGE_CHARS = 12
PAGE_PATTERN = re.compile(r"[0-9]+")  # int() would also take “ 2”, “٣” or “1_0”


@dataclass(frozen=True)
class EventFilter:
    kind: str = ""
    centre: str = ""  # centre slug
    year: int | None = None

    PARAMS = ("kind", "centre", "year")

    @classmethod
    def from_query(cls, query):
        """Read ``query`` (a QueryDict); raise Http404 with a reason for any unusable value.

        Whether the centre exists is checked by ``queries.filtered``.
        """
        values = {}
        for name in cls.PARAMS:
            given = query.getlist(name)
            if len(given) > 1:
                raise Http404(f"Give “{name}” once only.")
            values[name] = clean(name, given[0]) if given else ""
        if values["kind"] and values["kind"] not in Event.Kind.values:
            raise Http404("There is no such kind of event.")
        year = parse_year(values["year"]) if values["year"] else None
        return cls(kind=values["kind"], centre=values["centre"], year=year)

    def query_items(self):
        return [(name, str(value)) for name in self.PARAMS if (value := getattr(self, name))]

    def key(self):
        return urlencode(self.query_items())

    def is_empty(self):
        return not self.query_items()


def year_bounds(year):
    """The first moments of ``year`` and of the next one, in the site's zone."""
    zone = site_zone()
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


def page_param(query, name):
    """The raw page number given as ``name`` (“1” if absent); 404 if repeated or overlong."""
    given = query.getlist(name)
    if len(given) > 1:
        raise Http404(f"Give “{name}” once only.")
    raw = given[0] if given else "1"
    if len(raw) >= MAX_PAGE_CHARS or not PAGE_PATTERN.fullmatch(raw):
        raise Http404(f"There is no page “{raw[:20]}” in this list.")
    return raw


def paginate_by(raw, object_list, per_page, count=None):
    """Page ``raw`` of ``object_list`` (of ``count`` items, if known); 404 for a bad number.

    Like ``core.pagination.paginate``, for a page asked for under a name other than ``page``
    (the events list pages its upcoming and past events separately).
    """
    if count is None:
        paginator = Paginator(object_list, per_page)
    else:
        paginator = CountedPaginator(object_list, per_page, count)
    try:
        return paginator.page(raw)
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404(f"There is no page “{raw[:20]}” in this list.") from exc
