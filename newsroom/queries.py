"""Read queries of the media pages, each a fixed number of SQL statements.

Everything starts from ``MediaItem.objects.public()``; what depends on content only (years,
counts, item pages, the index, the home page's highlights) is kept for the content generation.
"""

from datetime import date

from django.db.models import F, Max, Window
from django.db.models.functions import RowNumber

from core.content_cache import memo

from .models import MediaItem

KINDS = dict(MediaItem.Kind.choices)


def kind_label(kind):
    return KINDS.get(kind)


def items(kind, year=None):
    """Public items of ``kind`` (of ``year`` if given), newest first, ready for cards."""
    queryset = MediaItem.objects.public().filter(kind=kind)
    if year:
        queryset = queryset.filter(date__gte=date(year, 1, 1), date__lt=date(year + 1, 1, 1))
    return queryset.order_by("-date", "-id").for_cards()


def count(kind, year=None):
    return memo(f"newsroom:count:{kind}:{year or ''}", lambda: items(kind, year).count())


def years(kind):
    """Years with public items of ``kind``, latest first."""
    return memo(
        f"newsroom:years:{kind}",
        lambda: [
            d.year
            for d in MediaItem.objects.public().filter(kind=kind).dates("date", "year", "DESC")
        ],
    )


def detail(kind, slug):
    """A public item of ``kind`` with a page of its own, or None."""
    return memo(
        f"newsroom:detail:{kind}:{slug}", lambda: _detail(MediaItem.objects.public(), kind, slug)
    )


def preview(kind, slug):
    """Any item with a page, public or not, for staff (never cached)."""
    return _detail(MediaItem.objects.all(), kind, slug)


def _detail(queryset, kind, slug):
    if kind not in KINDS:
        return None
    return queryset.with_page().filter(kind=kind, slug=slug).for_cards().first()


def latest_by_kind(limit):
    """``[(kind, label, items)]`` with the latest ``limit`` public items of each kind, in the
    order of the kinds (two queries, whatever the number of kinds)."""
    return memo(f"newsroom:latest-by-kind:{limit}", lambda: _latest_by_kind(limit))


def _latest_by_kind(limit):
    ranked = (
        MediaItem.objects.public()
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("kind")], order_by=[F("date").desc(), F("id").desc()]
            )
        )
        .filter(rank__lte=limit)
        .order_by("-date", "-id")
        .for_cards()
    )
    grouped = {kind: [] for kind in KINDS}
    for item in ranked:
        grouped[item.kind].append(item)
    return [(kind, label, grouped[kind]) for kind, label in KINDS.items()]


def latest_highlights(limit):
    """The latest public media highlights, with the people quoted (for the home page)."""
    return memo(
        f"newsroom:latest-highlights:{limit}",
        lambda: list(items(MediaItem.Kind.HIGHLIGHT)[:limit]),
    )


def kinds_updated():
    """``{kind: latest change}`` for each kind with public items (for the sitemap)."""
    return dict(
        MediaItem.objects.public().order_by().values_list("kind").annotate(latest=Max("updated_at"))
    )
