from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Event


class EventSitemap(Sitemap):
    """The events list and every public event (cancelled and postponed ones included)."""

    limit = 5000

    def items(self):
        events = Event.objects.public().only("slug", "updated_at").order_by("id")
        return [None, *events]

    def location(self, item):
        return reverse("events:index") if item is None else item.get_absolute_url()

    def lastmod(self, item):
        return None if item is None else item.updated_at
