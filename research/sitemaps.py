from django.contrib.sitemaps import Sitemap

from .models import Centre


class CentreSitemap(Sitemap):
    def items(self):
        return Centre.objects.only("slug")
