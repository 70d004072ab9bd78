"""RSS 2.0 and Atom feeds of the public media items of each kind."""

from datetime import datetime, time

from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from core.feeds import CachedFeed, TextAtomFeed
from core.site import get_site_context

from . import queries

FEED_ITEMS = 20
DESCRIPTIONS = {
    "highlights": "Coverage of RSIS and its people in the press and other media.",
    "news-releases": "News releases issued by RSIS.",
    "speeches": "Speeches given at and by RSIS.",
    "videos": "Recorded talks, interviews and forums.",
    "audio": "Podcasts, radio interviews and audio recordings.",
}


class MediaFeed(CachedFeed):
    cache_name = "newsroom:feed"

    def get_object(self, request, kind):
        if queries.kind_label(kind) is None:
            raise Http404("There is no such feed.")
        return kind

    def title(self, kind):
        return f"{get_site_context()['short_name']} {queries.kind_label(kind)}"

    def link(self, kind):
        return reverse("newsroom:kind", kwargs={"kind": kind})

    def description(self, kind):
        return DESCRIPTIONS.get(kind, "")

    def subtitle(self, kind):
        return self.description(kind)

    def items(self, kind):
        return list(queries.items(kind)[:FEED_ITEMS])

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

    def item_author_name(self, item):
        return ", ".join(person.name for person in item.people.all()) or None

    def item_categories(self, item):
        return [queries.kind_label(item.kind)]


class AtomMediaFeed(MediaFeed):
    feed_type = TextAtomFeed
