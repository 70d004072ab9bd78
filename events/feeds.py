"""RSS 2.0 and Atom feeds of public events: what is coming, then what just happened."""

from django.urls import reverse

from core.feeds import CachedFeed, TextAtomFeed
from core.site import get_site_context

from . import queries
from .dates import when_text
from .ics import status_prefix


class EventFeed(CachedFeed):
    cache_name = "events:feed"

    def title(self):
        return f"{get_site_context()['short_name']} Events"

    def link(self):
        return reverse("events:index")

    def description(self):
        return "Upcoming seminars, lectures and conferences, and those just past."

    subtitle = description

    def items(self):
        return queries.feed_events()

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

    def item_author_name(self, event):
        return ", ".join(speaker.display_name for speaker in event.speakers.all()) or None

    def item_categories(self, event):
        categories = [event.get_kind_display()]
        if event.centre_id:
            categories.append(event.centre.acronym)
        return categories


class AtomEventFeed(EventFeed):
    feed_type = TextAtomFeed


FEEDS = (EventFeed, AtomEventFeed)
