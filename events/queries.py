"""Read queries of the events pages, each a fixed number of SQL statements.

Everything starts from ``Event.objects.public()``. Results are kept for the current content
generation, which ends by itself whenever an event starts or ends, or its registration closes
(see ``services.next_event_change``), so “upcoming” and “past” are always right.
"""

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils import timezone

from core.content_cache import memo
from publications.models import Publication
from research.models import Centre

from .dates import site_zone
from .filters import year_bounds
from .models import Event, EventSpeaker

CALENDAR_LIMIT = 500
FEED_UPCOMING = 20
FEED_RECENT = 10


def all_centres():
    """Every centre and programme, for the filter (a handful of rows)."""
    return memo("events:centres", lambda: list(Centre.objects.order_by("kind", "order", "name")))


def centre_by_slug(slug):
    return next((centre for centre in all_centres() if centre.slug == slug), None)


def public_years():
    """Years in which public events start (in Singapore time), latest first."""
    return memo(
        "events:years",
        lambda: [
            moment.year
            for moment in Event.objects.public().datetimes("start", "year", tzinfo=site_zone())
        ][::-1],
    )


def filtered(event_filter):
    """Public events matching ``event_filter`` (an EventFilter), in no particular order.

    An unknown centre raises Http404.
    """
    queryset = Event.objects.public()
    if event_filter.kind:
        queryset = queryset.filter(kind=event_filter.kind)
    if event_filter.centre:
        centre = centre_by_slug(event_filter.centre)
        if centre is None:
            raise Http404("There is no such research centre or programme.")
        queryset = queryset.filter(centre=centre.pk)
    if event_filter.year:
        start, end = year_bounds(event_filter.year)
        queryset = queryset.filter(start__gte=start, start__lt=end)
    return queryset


def split_counts(event_filter, queryset, now):
    """How many events of ``queryset`` are upcoming and past, in one query per generation."""

    def build():
        return queryset.aggregate(
            upcoming=Count("pk", filter=Q(end__gte=now)),
            past=Count("pk", filter=Q(end__lt=now)),
        )

    return memo(f"events:counts:{event_filter.key()}", build)


def upcoming_events(limit):
    """The next ``limit`` public events (those under way first), with their centre."""
    return memo(
        f"events:upcoming:{limit}",
        lambda: list(Event.objects.public().upcoming().select_related("centre")[:limit]),
    )


def detail(slug):
    """A public event with everything its page shows, or None."""
    if len(slug) > Event._meta.get_field("slug").max_length:
        return None
    return memo(f"events:detail:{slug}", lambda: _detail(Event.objects.public(), slug))


def preview(slug):
    """Any event, public or not, for staff (never cached)."""
    return _detail(Event.objects.all(), slug)


def _detail(queryset, slug):
    return (
        queryset.select_related("centre")
        .prefetch_related(
            Prefetch("speakers", queryset=EventSpeaker.objects.select_related("person")),
            Prefetch(
                "related_publications",
                queryset=Publication.objects.public()
                .for_cards()
                .order_by("-publication_date", "-id"),
                to_attr="public_publications",
            ),
        )
        .filter(slug=slug)
        .first()
    )


def _with_speakers(queryset):
    return queryset.select_related("centre").prefetch_related(
        Prefetch("speakers", queryset=EventSpeaker.objects.select_related("person"))
    )


def calendar_events():
    """Upcoming public events for the iCalendar feed, with centre and speakers."""
    return memo(
        "events:calendar",
        lambda: list(_with_speakers(Event.objects.public().upcoming())[:CALENDAR_LIMIT]),
    )


def feed_events(event_filter=None):
    """The events feed: what is coming (soonest first), then what just happened; only those
    matching ``event_filter`` (an EventFilter) if given (an unknown centre is a 404)."""
    public = Event.objects.public() if event_filter is None else filtered(event_filter)

    def build():
        now = timezone.now()
        chosen = _with_speakers(public)
        coming = list(chosen.upcoming(now)[:FEED_UPCOMING])
        return coming + list(chosen.past(now)[:FEED_RECENT])

    return memo(f"events:feed:{event_filter.key() if event_filter else ''}", build)
