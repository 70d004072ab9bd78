"""Pages of lists, asked for by ``?page=N``.

Long lists are not read by ``OFFSET``, which reads and throws away every item before the
page (page 4,000 of a list of 100,000 reads 80,000 rows). One pass over the list, kept for
as long as the list does not change (e.g. per content generation), gives its exact count
and ``Positions`` to read any page from, so that the last page costs what the first does:

- ``keyset_positions``: the sort key of the first item of every ``ANCHOR_PAGES``-th page,
  for lists an index serves in their order (the pass is an index-only scan); a page is read
  between two such keys, skipping fewer than ``ANCHOR_PAGES`` pages of rows.
- ``id_positions``: every item's id in order, for lists that are sparse in such an index
  (narrowed by a link table, say one author's items): between two keys lie many rows that
  are not in the list, so a page is read by the ids of its items instead.
"""

from array import array
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
    """Where the items of a sorted list are: its length, and either the sort key of every
    ``every``-th item from the first (``anchors[k]`` is the key of item ``k * every``) or
    the id of every item (``ids``, 8 bytes each).

    With neither (a sort field without a value, which keys cannot be compared with) the
    list is read by offset, as a plain Paginator does.
    """

    count: int
    every: int = 0
    anchors: tuple | None = None
    ids: array | None = None


def id_positions(queryset):
    """The ``Positions`` of ``queryset`` as the ids of its items in order (one query)."""
    ids = array("q", queryset.values_list("pk", flat=True))
    return Positions(len(ids), ids=ids)


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
    """A Paginator that reads each page from ``positions``: by the ids of its items, or
    between the nearest anchors."""

    def __init__(self, object_list, per_page, positions):
        super().__init__(object_list, per_page, positions.count)
        self.positions = positions

    def page(self, number):
        number = self.validate_number(number)
        positions = self.positions
        skip = (number - 1) * self.per_page
        if positions.ids is not None:
            ids = list(positions.ids[skip : skip + self.per_page])
            return Page(self.object_list.filter(pk__in=ids) if ids else [], number, self)
        if positions.anchors is None:
            return super().page(number)
        if not positions.anchors:
            return Page([], number, self)
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
