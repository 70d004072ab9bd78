from django.contrib.sitemaps import Sitemap

from .models import Person, StaffGroup


class PersonSitemap(Sitemap):
    def items(self):
        return Person.objects.public().only("slug", "updated_at").order_by("id")

    def lastmod(self, person):
        return person.updated_at


class StaffGroupSitemap(Sitemap):
    def items(self):
        return StaffGroup.objects.only("slug")
