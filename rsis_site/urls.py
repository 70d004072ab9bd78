from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from core.media import media_file
from core.views import robots
from events.sitemaps import EventSitemap
from navigation.sitemaps import PageSitemap
from newsroom.sitemaps import MediaSitemap
from publications.sitemaps import ListSitemap, PublicationSitemap, SeriesSitemap
from research.sitemaps import CentreSitemap
from staff.sitemaps import PersonSitemap, StaffGroupSitemap

SITEMAPS = {
    "pages": PageSitemap,
    "series": SeriesSitemap,
    "lists": ListSitemap,
    "publications": PublicationSitemap,
    "people": PersonSitemap,
    "staff-groups": StaffGroupSitemap,
    "research": CentreSitemap,
    "events": EventSitemap,
    "media": MediaSitemap,
}

# A database that cannot be reached gives 503 pages that need no database (operations/views.py).
handler500 = "operations.views.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", robots, name="robots"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("search/", include("search.urls")),
    path("staff/", include("staff.urls")),
    path("research/", include("research.urls")),
    path("review/", include("editorial.urls")),
    path("feeds/", include("portal.feed_urls")),
    path("", include("subscriptions.urls")),
    path("", include("publications.urls")),
    path("", include("events.urls")),
    path("", include("newsroom.urls")),
    # The home page keeps the name "core:home", which menu items store.
    path("", include(("portal.urls", "core"))),
]

if settings.MEDIA_URL.startswith("/"):
    # Uploaded files, when nothing in front of the site serves them (see core/media.py).
    urlpatterns += [path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", media_file, name="media")]

# Content pages live at their menu path; this catch-all must stay last.
urlpatterns += [path("", include("navigation.urls"))]
