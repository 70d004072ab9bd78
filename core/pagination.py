"""Pages of lists, asked for by ``?page=N``.

Long lists are read by *keyset*: instead of ``OFFSET`` (which reads and throws away every
item before the page, so page 4,000 of a list of 100,000 reads 80,000 rows), a page starts
from the sort key of a known item near it. One pass over the list's sort keys
(``keyset_positions``, an index-only scan where an index serves the order) gives the exact
count and the key of the first item of every ``ANCHOR_PAGES``-th page; a page is then
read between two such keys, skipping fewer than ``ANCHOR_PAGES`` pages of rows, so the
last page costs what the first does. The positions are worth keeping for as long as the
list does not change (e.g. per content generation).
"""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import F, IntegerField, Q, Window
from django.db.models.functions import Lead, Mod, RowNumber
from django.http import Http404

#: A page is read from the key of the first item of its group of this many pages.
ANCHOR_PAGES = 10


class CountedPaginator(Paginator):
    """A Paginator told its item count up front (e.g. from a cache) instead of counting."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # fills the cached_property


@dataclass(frozen=True)
class Positions:
    """Where the items of a sorted list are: its length, and the sort key of every
    ``every``-th item from the first (``anchors[k]`` is the key of item ``k * every``).

    ``anchors`` is None when the keys cannot be compared (an item has no value in a sort
    field): the list is then read by offset, as a plain Paginator does.
    """

    count: int
    every: int
    anchors: tuple | None


def keyset_positions(queryset, every):
    """The ``Positions`` of ``queryset`` (ordered by two fields, the last one unique), with
    an anchor every ``every`` items, found in one query that reads only the sort keys.

    The window numbers the rows in the list's own order, so the database walks an index
    that serves that order (no sort) and only the anchors and the last row come back; the
    last row's number is the exact count.
    """
    fields = _order_fields(queryset)
    order = [F(name).desc() if descending else F(name).asc() for name, descending in fields]
    names = [name for name, _ in fields]
    rows = (
        queryset.order_by()
        .annotate(
            keyset_position=Window(RowNumber(), order_by=order),
            keyset_following=Window(Lead(names[-1]), order_by=order),
        )
        .alias(keyset_slot=Mod(F("keyset_position") - 1, every, output_field=IntegerField()))
        .filter(Q(keyset_slot=0) | Q(keyset_following__isnull=True))
        .values_list(*names, "keyset_position")
    )
    found = sorted(rows, key=lambda row: row[-1])
    if not found:
        return Positions(0, every, ())
    count = found[-1][-1]
    anchors = tuple(tuple(row[:-1]) for row in found if (row[-1] - 1) % every == 0)
    comparable = all(value is not None for row in (found[0], found[-1]) for value in row)
    return Positions(count, every, anchors if comparable else None)


def _order_fields(queryset):
    order = list(queryset.query.order_by)
    if len(order) != 2 or not all(isinstance(name, str) for name in order):
        raise ValueError("A keyset list is ordered by two fields, the last one unique.")
    return [(name.lstrip("-"), name.startswith("-")) for name in order]


class KeysetPaginator(CountedPaginator):
    """A Paginator that reads each page from the nearest anchor of ``positions``."""

    def __init__(self, object_list, per_page, positions):
        super().__init__(object_list, per_page, positions.count)
        self.positions = positions

    def page(self, number):
        number = self.validate_number(number)
        positions = self.positions
        if positions.anchors is None:
            return super().page(number)
        if not positions.anchors:
            return Page(self.object_list.none(), number, self)
        skip = (number - 1) * self.per_page
        group = skip // positions.every
        fields = _order_fields(self.object_list)
        items = self.object_list.filter(_from(fields, positions.anchors[group]))
        if group + 1 < len(positions.anchors):
            items = items.filter(_before(fields, positions.anchors[group + 1]))
        skip -= group * positions.every
        return Page(items[skip : skip + self.per_page], number, self)


def _from(fields, key):
    """Items at or after ``key`` in the list's order."""
    return _beyond(fields, key, after=True)


def _before(fields, key):
    """Items strictly before ``key`` in the list's order."""
    return _beyond(fields, key, after=False)


def _beyond(fields, key, *, after):
    """Items on one side of ``key`` (``fields``: two ``(name, descending)`` pairs, the last
    unique): at or after it, or strictly before it.

    Written as ``a ≤ k₁ AND (a < k₁ OR b ≤ k₂)`` (at or after, for descending fields) rather
    than as a row comparison, so that both databases take it and the first part bounds the
    range of the index that serves the order.
    """
    (first, first_down), (last, last_down) = fields
    value, tiebreak = key
    first_op = "lt" if first_down == after else "gt"
    last_op = ("lt" if last_down == after else "gt") + ("e" if after else "")
    return Q(**{f"{first}__{first_op}e": value}) & (
        Q(**{f"{first}__{first_op}": value}) | Q(**{f"{last}__{last_op}": tiebreak})
    )


def paginate(request, object_list, per_page, count=None, positions=None):
    """The page of ``object_list`` asked for by ``?page=``; 404 for a bad or missing page number.

    ``count``, if given, is the known length of ``object_list``; ``positions``, if given, its
    ``Positions`` (then pages are read by keyset).
    """
    if positions is not None:
        paginator = KeysetPaginator(object_list, per_page, positions)
    elif count is None:
        paginator = Paginator(object_list, per_page)
    else:
        paginator = CountedPaginator(object_list, per_page, count)
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw if len(raw) < 12 else "x")
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404(f"There is no page “{raw[:20]}” in this list.") from exc
