"""The filters of a publication list, read from the query string and checked.

Filters combine: several series or several values of one category axis widen the list (OR);
different filters, and different axes (say a theme and a region), narrow it (AND).

A category is given by its path (``country-and-region-studies/europe``) or, for short, by its
own slug (``europe``) when no other category has that slug; either way the filter holds the path.
"""

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.http import Http404

from core.params import clean, parse_year

from .categories import node_by_path, nodes_by_slug

MAX_VALUES = 10


@dataclass
class PublicationFilter:
    series: list = field(default_factory=list)  # slugs
    year: int | None = None
    categories: list = field(default_factory=list)  # category paths
    tag: str = ""
    author: str = ""  # person slug
    q: str = ""
    within: list = field(default_factory=list)  # paths every item must fall under (a page's)

    PARAMS = ("series", "year", "category", "tag", "author", "q")

    @classmethod
    def from_query(cls, query):
        """Read ``query`` (a QueryDict); raise Http404 with a reason for any unusable value."""
        values = {name: [clean(name, v) for v in query.getlist(name)] for name in cls.PARAMS}
        for name in ("year", "tag", "author", "q"):
            if len(values[name]) > 1:
                raise Http404(f"Give “{name}” once only.")
        for name in ("series", "category"):
            if len(values[name]) > MAX_VALUES:
                raise Http404(f"Give at most {MAX_VALUES} values of “{name}”.")
        year = None
        if values["year"]:
            year = parse_year(values["year"][0])
        return cls(
            series=sorted(set(filter(None, values["series"]))),
            year=year,
            categories=sorted({category_path(v) for v in values["category"] if v}),
            tag=(values["tag"] or [""])[0],
            author=(values["author"] or [""])[0],
            q=" ".join((values["q"] or [""])[0].split()),
        )

    def merged(self, **fixed):
        """This filter with the values a page fixes (its series, year, category or tag)."""
        merged = PublicationFilter(**{**self.__dict__})
        for name, value in fixed.items():
            setattr(merged, name, value)
        return merged

    def key(self):
        return urlencode(sorted(self.query_items() + [("within", p) for p in self.within]))

    def query_items(self):
        items = [("series", s) for s in self.series] + [("category", c) for c in self.categories]
        for name in ("year", "tag", "author", "q"):
            if getattr(self, name):
                items.append((name, getattr(self, name)))
        return items

    def category_groups(self):
        """Sets of category pks an item must match one of: one set per axis of the chosen
        categories, and one for each category the page is about."""
        groups = {}
        for path in self.categories:
            node = _node(path)
            groups.setdefault(node.axis_pk, set()).update((node.pk, *node.descendant_pks))
        required = [{_node(path).pk, *_node(path).descendant_pks} for path in self.within]
        return list(groups.values()) + required

    def is_empty(self):
        return not self.query_items()


def category_path(value):
    """The path of the category ``value`` names, by its path or its own slug; else Http404."""
    node = node_by_path(value)
    if node is not None:
        return node.path
    named = nodes_by_slug(value)
    if len(named) == 1:
        return named[0].path
    if named:
        paths = " or ".join(f"“{node.path}”" for node in named[:3])
        raise Http404(f"Several categories are called “{value[:60]}”: give the path, {paths}.")
    raise Http404(f"There is no category “{value[:60]}”.")


def _node(path):
    node = node_by_path(path)
    if node is None:
        raise Http404(f"There is no category “{path[:60]}”.")
    return node


def year_range(year):
    return date(year, 1, 1), date(year + 1, 1, 1)
