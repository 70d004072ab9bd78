"""Every feed of the site, grouped as readers look for them, for ``/feeds/`` and its OPML file.

The list is put together here, above the content apps, from what each app offers (series,
top categories, centres, kinds of media and of external work), once per content generation.
"""

from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import Resolver404, resolve, reverse

from core.content_cache import memo
from core.feeds import CachedFeed, feed_links
from events.models import Event
from newsroom.models import MediaItem
from publications import queries as publications
from publications.categories import category_nodes
from publications.models import ExternalPublication
from research.models import Centre

MAX_FEED_ADDRESS = 1000


def _feed(title, page, name, *args, query=()):
    return {**feed_links(title, name, *args, query=query), "page": page}


def feed_groups():
    """``[(heading, [feed, ...]), ...]``: each feed a dict of its title, list page and
    addresses in each format (see ``core.feeds.feed_links``)."""
    return memo("portal:feed-groups", _numbered)


def _numbered():
    """The groups, each feed with an ``id`` for its addresses on the page."""
    groups = _feed_groups()
    for number, (_, feeds) in enumerate(groups, start=1):
        for index, feed in enumerate(feeds, start=1):
            feed["id"] = f"{number}-{index}"
    return groups


def _feed_groups():
    return [
        (
            "Publications",
            [
                _feed(
                    "All RSIS publications", reverse("publications:index"), "publications:feed-all"
                ),
                *(
                    _feed(s.name, s.get_absolute_url(), "publications:feed-series", s.slug)
                    for s in publications.all_series()
                ),
            ],
        ),
        (
            "Publications by subject",
            [
                _feed(
                    node.name,
                    reverse("publications:category", kwargs={"path": node.path}),
                    "publications:feed-category",
                    node.path,
                )
                for node in category_nodes().values()
                if node.depth == 0
            ],
        ),
        (
            "Publications by research centre and programme",
            [
                _feed(c.name, c.get_absolute_url(), "publications:feed-centre", c.slug)
                for c in Centre.objects.order_by("kind", "order", "name")
            ],
        ),
        (
            "Events",
            [
                _feed("All events", reverse("events:index"), "events:feed"),
                *(
                    _feed(
                        f"{label}s",
                        f"{reverse('events:index')}?{urlencode({'kind': value})}",
                        "events:feed",
                        query=[("kind", value)],
                    )
                    for value, label in Event.Kind.choices
                ),
            ],
        ),
        (
            "Media",
            [
                _feed(label, reverse("newsroom:kind", args=[kind]), "newsroom:feed", kind)
                for kind, label in MediaItem.Kind.choices
            ],
        ),
        (
            "Staff work published elsewhere",
            [
                _feed(
                    "All external publications",
                    reverse("publications:external"),
                    "publications:feed-external",
                ),
                *(
                    _feed(
                        label,
                        reverse("publications:external-kind", args=[kind]),
                        "publications:feed-external-kind",
                        kind,
                    )
                    for kind, label in ExternalPublication.Kind.choices
                ),
            ],
        ),
    ]


def chosen_feed(value):
    """The feed a list page sent the reader here for (``?feed=`` its RSS address, query and
    all), in each format; None unless it is one of the site's feeds."""
    if not value or len(value) > MAX_FEED_ADDRESS or "\x00" in value or not value.startswith("/"):
        return None
    path, _, query = value.partition("?")
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if not isinstance(match.func, CachedFeed) or not match.url_name or match.args:
        return None
    base = match.url_name.removesuffix("-atom").removesuffix("-json")
    name = f"{match.namespace}:{base}" if match.namespace else base
    pairs = [(key, each) for key, values in QueryDict(query).lists() for each in values]
    return feed_links("", name, *match.kwargs.values(), query=pairs)
