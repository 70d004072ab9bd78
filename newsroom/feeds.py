"""RSS 2.0, Atom and JSON feeds of the public media items of each kind; each person named is an
author of their own, and ``?content=full`` adds an item's own text where it has one."""

from datetime import datetime, time
from typing import NamedTuple

from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from core.feeds import CachedFeed, feed_html, feed_request, formats
from core.site import get_site_context

from . import queries
from .views import year_filter

FEED_ITEMS = 20
DESCRIPTIONS = {
    "highlights": "Coverage of RSIS and its people in the press and other media.",
    "news-releases": "News releases issued by RSIS.",
    "speeches": "Speeches given at and by RSIS.",
    "videos": "Recorded talks, interviews and forums.",
    "audio": "Podcasts, radio interviews and audio recordings.",
}


class Chosen(NamedTuple):
    """A feed's kind of item, and its year if the reader chose one."""

    kind: str
    year: int | None


class MediaFeed(CachedFeed):
    cache_name = "newsroom:feed"
    full_text = True

    def query_items(self, request, kind):
        """The list's ``?year=`` filter, checked as the list checks it (404 if bad)."""
        year = year_filter(request)
        return [("year", str(year))] if year else []

    def get_object(self, request, kind):
        if queries.kind_label(kind) is None:
            raise Http404("There is no such feed.")
        return Chosen(kind, year_filter(request))

    def title(self, chosen):
        title = f"{get_site_context()['short_name']} {queries.kind_label(chosen.kind)}"
        return f"{title} for {chosen.year}" if chosen.year else title

    def link(self, chosen):
        link = reverse("newsroom:kind", kwargs={"kind": chosen.kind})
        return f"{link}?year={chosen.year}" if chosen.year else link

    def description(self, chosen):
        return DESCRIPTIONS.get(chosen.kind, "")

    def subtitle(self, chosen):
        return self.description(chosen)

    def items(self, chosen):
        return list(queries.items(chosen.kind, chosen.year)[:FEED_ITEMS])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        parts = []
        if item.outlet or item.original_title:
            source = ", ".join(
                filter(
                    None, [item.outlet, f"“{item.original_title}”" if item.original_title else ""]
                )
            )
            parts.append(f"{source}.")
        if item.summary:
            parts.append(item.summary)
        return " ".join(parts)

    def item_link(self, item):
        return item.link_url()

    item_guid_is_permalink = False

    def item_guid(self, item):
        """The item's number never changes, even if its title, address or link do."""
        return f"rsis-media:{item.pk}"

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9)))

    def item_updateddate(self, item):
        return max(item.updated_at, self.item_pubdate(item))

    def item_extra_kwargs(self, item):
        """Each person by name (see ``core.feeds``), and the item's text if asked for."""
        request = feed_request()
        full = request.full and item.body
        return {
            "authors": [person.name for person in item.people.all()],
            "content_html": feed_html(item.body, request.origin) if full else None,
        }

    def item_categories(self, item):
        return [queries.kind_label(item.kind)]


#: The feeds in each format: ``FEEDS["atom"]``.
FEEDS = formats(MediaFeed)
