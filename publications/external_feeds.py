"""RSS 2.0, Atom and JSON feeds of staff work published elsewhere: all of it, or one kind,
narrowed to a year by ``?year=`` as the list is (``/feeds/external-publications/op-eds/rss/``)."""

from datetime import datetime, time

from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from core.feeds import CachedFeed, formats
from core.params import clean, parse_year
from core.site import get_site_context

from . import queries
from .models import ExternalPublication

FEED_ITEMS = 30


def year_filter(query):
    """``?year=`` as the list reads it: four digits in range, given once (else 404)."""
    values = query.getlist("year")
    if len(values) > 1:
        raise Http404("Give “year” once only.")
    raw = clean("year", values[0][:20]) if values else ""
    return parse_year(raw) if raw else None


class ExternalFeed(CachedFeed):
    cache_name = "publications:external-feed"

    def query_items(self, request, kind=None):
        year = year_filter(request.GET)
        return [("year", str(year))] if year else []

    def get_object(self, request, kind=None):
        label = dict(ExternalPublication.Kind.choices).get(kind, "External Publications")
        if kind is not None and kind not in ExternalPublication.Kind.values:
            raise Http404("There is no such kind of external publication.")
        return kind, label, year_filter(request.GET)

    def title(self, chosen):
        kind, label, year = chosen
        title = f"{get_site_context()['short_name']} {label}"
        return f"{title} in {year}" if year else title

    def link(self, chosen):
        kind, _, year = chosen
        link = reverse("publications:external-kind", args=[kind]) if kind else None
        link = link or reverse("publications:external")
        return f"{link}?year={year}" if year else link

    def description(self, chosen):
        return "Books, articles and op-eds by our staff, published by others."

    subtitle = description

    def items(self, chosen):
        kind, _, year = chosen
        return list(queries.external(kind, year)[:FEED_ITEMS])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        where = ", ".join(part for part in (item.venue, item.publisher) if part)
        return " ".join(part for part in (f"{item.byline}.", f"{where}." if where else "") if part)

    def item_link(self, item):
        return item.url or item.get_absolute_url()

    item_guid_is_permalink = False

    def item_guid(self, item):
        return f"rsis-external:{item.pk}"

    def item_pubdate(self, item):
        """Only the year is known: the first day of it."""
        return timezone.make_aware(datetime.combine(datetime(item.year, 1, 1), time(9)))

    def item_updateddate(self, item):
        return max(item.updated_at, self.item_pubdate(item))

    def item_extra_kwargs(self, item):
        """The byline as printed (it names outside authors too, in the venue's style)."""
        return {"authors": [item.byline] if item.byline else []}

    def item_categories(self, item):
        return [item.get_kind_display()]


FEEDS = formats(ExternalFeed)
