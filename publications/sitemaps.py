from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from . import queries
from .categories import category_nodes
from .models import Publication


class PublicationSitemap(Sitemap):
    limit = 5000

    def items(self):
        return (
            Publication.objects.public()
            .select_related("series")
            .only("slug", "status", "updated_at", "published_at", "series__slug")
            .order_by("id")
        )

    def lastmod(self, item):
        return item.last_modified


class SeriesSitemap(Sitemap):
    def items(self):
        latest = dict(
            Publication.objects.public()
            .order_by()
            .values_list("series")
            .annotate(latest=Max("updated_at"))
        )
        self._latest = latest
        return [series for series in queries.all_series() if series.pk in latest]

    def lastmod(self, series):
        return self._latest[series.pk]


class ListSitemap(Sitemap):
    """The publication lists: all, each year, each category, and external publications."""

    def items(self):
        names = [("publications:index", {}), ("publications:years", {})]
        names += [("publications:year", {"year": year}) for year in queries.public_years()]
        names += [
            ("publications:category", {"path": node.path}) for node in category_nodes().values()
        ]
        names.append(("publications:external", {}))
        return names

    def location(self, item):
        name, kwargs = item
        return reverse(name, kwargs=kwargs)
