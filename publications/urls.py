from django.urls import path

from . import views
from .external_feeds import FEEDS as EXTERNAL_FEEDS
from .feeds import FEEDS

app_name = "publications"


def feed_paths(prefix, kind, name, converter="", feeds=FEEDS, argument="value"):
    """``feeds/<prefix>[<value>/](rss|atom|json)/``: ``name``, ``name-atom``, ``name-json``."""
    value = f"<{converter}:{argument}>/" if converter else ""
    return [
        path(f"feeds/{prefix}{value}{fmt}/", feed(), name=name if fmt == "rss" else f"{name}-{fmt}")
        for fmt, feed in feeds[kind].items()
    ]


urlpatterns = [
    path("publications/", views.index, name="index"),
    path("publications/year/", views.years, name="years"),
    path("publications/year/<int:year>/", views.year, name="year"),
    path("publications/<slug:series>/", views.series, name="series"),
    path("publications/<slug:series>/<slug:slug>/", views.detail, name="detail"),
    path(
        "publications/<slug:series>/<slug:slug>/cite.<str:fmt>",
        views.cite,
        name="cite",
    ),
    path(
        "publications/<slug:series>/<slug:slug>/pdf/",
        views.item_pdf,
        name="item-pdf",
    ),
    path("p/<str:code>/", views.short_link, name="short-link"),
    path("p/<str:code>.pdf", views.pdf, name="pdf"),
    path("categories/<path:path>/", views.category, name="category"),
    path("tags/<slug:slug>/", views.tag, name="tag"),
    path("external-publications/", views.external, name="external"),
    path("external-publications/year/", views.external_years, name="external-years"),
    path("external-publications/<slug:kind>/", views.external, name="external-kind"),
    *feed_paths("publications/", "all", "feed-all"),
    *feed_paths("series/", "series", "feed-series", "slug"),
    *feed_paths("categories/", "category", "feed-category", "path"),
    *feed_paths("tags/", "tag", "feed-tag", "slug"),
    *feed_paths("authors/", "author", "feed-author", "slug"),
    *feed_paths("research/", "centre", "feed-centre", "slug"),
    *feed_paths("external-publications/", "all", "feed-external", feeds={"all": EXTERNAL_FEEDS}),
    *feed_paths(
        "external-publications/",
        "kind",
        "feed-external-kind",
        "slug",
        feeds={"kind": EXTERNAL_FEEDS},
        argument="kind",
    ),
]
