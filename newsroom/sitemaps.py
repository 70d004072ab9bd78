from dataclasses import dataclass
from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import queries
from .models import MediaItem


@dataclass(frozen=True)
class Entry:
    location: str
    lastmod: datetime


class MediaSitemap(Sitemap):
    """The media index, the list of each kind with public items, and every public item that
    has a page of its own (coverage without one is listed on its kind's page only)."""

    limit = 5000

    def items(self):
        updated = queries.kinds_updated()
        if not updated:
            return []
        entries = [Entry(reverse("newsroom:index"), max(updated.values()))]
        entries += [
            Entry(reverse("newsroom:kind", kwargs={"kind": kind}), updated[kind])
            for kind in queries.KINDS
            if kind in updated
        ]
        pages = (
            MediaItem.objects.public()
            .with_page()
            .order_by("id")
            .values_list("kind", "slug", "updated_at")
        )
        entries += [
            Entry(reverse("newsroom:detail", kwargs={"kind": kind, "slug": slug}), updated_at)
            for kind, slug, updated_at in pages
        ]
        return entries

    def location(self, entry):
        return entry.location

    def lastmod(self, entry):
        return entry.lastmod
