from django.contrib.sitemaps import Sitemap

from .menu import get_menu
from .models import MenuItem


class PageSitemap(Sitemap):
    """The home page and every published content page of the menu."""

    def items(self):
        menu = get_menu()
        ids = {node.id: path for path, node in menu.by_path.items()}
        pages = MenuItem.objects.filter(pk__in=ids).only("updated_at").order_by("tree_id", "lft")
        self._paths = ids
        return [None, *pages]

    def location(self, item):
        return "/" if item is None else f"/{self._paths[item.pk]}/"

    def lastmod(self, item):
        return None if item is None else item.updated_at
