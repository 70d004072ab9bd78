"""RSS 2.0, Atom and JSON feeds of public events: what is coming, then what just happened;
narrowed by the filters of ``/events/`` given in the query (``?kind=lecture&centre=nts``).

Each speaker is an author of their own, and ``?content=full`` adds each event's programme."""

from urllib.parse import urlencode

from django.urls import reverse

from core.feeds import CachedFeed, feed_html, feed_request, formats
from core.site import get_site_context

from . import queries
from .dates import when_text
from .filters import EventFilter
from .ics import status_prefix


class EventFeed(CachedFeed):
    cache_name = "events:feed"
    full_text = True

    def query_items(self, request):
        """The filters of the events list, checked as the list checks them (404 if bad)."""
        return EventFilter.from_query(request.GET).query_items()

    def get_object(self, request):
        return EventFilter.from_query(request.GET)

    def title(self, chosen):
        site = get_site_context()["short_name"]
        if chosen.is_empty():
            return f"{site} Events"
        return f"{site} Events: {', '.join(value for _, value in chosen.query_items())}"

    def link(self, chosen):
        query = urlencode(chosen.query_items())
        return reverse("events:index") + (f"?{query}" if query else "")

    def description(self, chosen):
        return "Upcoming seminars, lectures and conferences, and those just past."

    subtitle = description

    def items(self, chosen):
        return queries.feed_events(None if chosen.is_empty() else chosen)

    def item_title(self, event):
        return status_prefix(event) + event.title

    def item_description(self, event):
        where = event.venue or ("Online" if event.online_url else "")
        heading = " · ".join(part for part in (when_text(event.start, event.end), where) if part)
        return f"{heading}. {event.summary}"

    def item_link(self, event):
        return event.get_absolute_url()

    item_guid_is_permalink = False

    def item_guid(self, event):
        """The event's number never changes, even if its title and address do."""
        return f"rsis-event:{event.pk}"

    def item_pubdate(self, event):
        """When the event was announced."""
        return event.published_at or event.created_at

    def item_updateddate(self, event):
        return max(event.updated_at, self.item_pubdate(event))

    def item_extra_kwargs(self, event):
        """Each speaker by name (see ``core.feeds``), and the programme if asked for."""
        request = feed_request()
        return {
            "authors": [speaker.display_name for speaker in event.speakers.all()],
            "content_html": feed_html(event.description, request.origin) if request.full else None,
        }

    def item_categories(self, event):
        categories = [event.get_kind_display()]
        if event.centre_id:
            categories.append(event.centre.acronym)
        return categories


#: The feed in each format: ``FEEDS["atom"]``.
FEEDS = formats(EventFeed)
