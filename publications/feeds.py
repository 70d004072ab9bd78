"""RSS 2.0, Atom and JSON feeds of public publications: all, or one series, category, tag,
author or research centre, each narrowed further by the list filters of ``/publications/``
given in its query string (``/feeds/publications/rss/?series=commentaries&year=2021``).

Each item names every author in an element of its own, carries its series, subject categories
and tags as categories and its PDF as an enclosure (the size the site knows, read from the
made file's record: no PDF is printed for a feed), and, with ``?content=full``, its whole text.
"""

from dataclasses import dataclass, replace
from datetime import datetime, time
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from core.feeds import CachedFeed, feed_html, feed_request, formats
from core.site import get_site_context
from research.queries import centre_page

from . import printing, queries
from .categories import node_by_path
from .filters import PublicationFilter
from .models import Category

FEED_ITEMS = 20


@dataclass(frozen=True)
class Subject:
    """What a feed is about: its title, the list page it mirrors and its filter."""

    title: str
    link: str
    description: str
    filter: PublicationFilter
    #: A research centre's feed: its people's work (the centre page's list).
    people_pks: tuple = ()


def _subject(kind, value):
    site = get_site_context()["short_name"]
    if kind == "all":
        return Subject(
            f"{site} Publications",
            reverse("publications:index"),
            "The latest publications of all series.",
            PublicationFilter(),
        )
    if kind == "series":
        series = queries.series_by_slug(value)
        if series is None:
            raise Http404("There is no such series.")
        return Subject(
            f"{site} {series.name}",
            series.get_absolute_url(),
            f"The latest {series.name}.",
            PublicationFilter(series=[series.slug]),
        )
    if kind == "category":
        node = node_by_path(value.strip("/"))
        if node is None:
            raise Http404("There is no such category.")
        return Subject(
            f"{site} Publications: {node.name}",
            reverse("publications:category", kwargs={"path": node.path}),
            f"The latest publications on {node.name}.",
            PublicationFilter(within=[node.path]),
        )
    if kind == "tag":
        tag = queries.tag_by_slug(value)
        if tag is None:
            raise Http404("There is no such tag.")
        return Subject(
            f"{site} Publications tagged {tag.name}",
            reverse("publications:tag", kwargs={"slug": tag.slug}),
            f"The latest publications tagged “{tag.name}”.",
            PublicationFilter(tag=tag.slug),
        )
    if kind == "centre":
        centre = centre_page(value)
        if centre is None:
            raise Http404("There is no such research centre or programme.")
        people = [centre.head] if centre.head and centre.head.active else []
        return Subject(
            f"{site} Publications: {centre.name}",
            centre.get_absolute_url(),
            f"The latest publications by the people of {centre.name}.",
            PublicationFilter(),
            people_pks=tuple(person.pk for person in [*people, *centre.public_members]),
        )
    person = queries.author_by_slug(value)
    if person is None:
        raise Http404("There is no such author.")
    return Subject(
        f"{site} Publications by {person.name}",
        person.get_absolute_url(),
        f"The latest publications by {person.name}.",
        PublicationFilter(author=person.slug),
    )


#: The filter each kind of feed fixes by its address, which its query string cannot change.
FIXED = {"series": "series", "tag": "tag", "author": "author"}


class PublicationFeed(CachedFeed):
    cache_name = "publications:feed"
    kind = "all"
    full_text = True

    def chosen(self, request):
        """The list filters of the query, read as ``/publications/`` reads them (a bad one is
        a 404), less the one the address fixes."""
        chosen = PublicationFilter.from_query(request.GET)
        queries.filtered(chosen)  # an unknown series, tag or author is a 404, as on the lists
        if self.kind in FIXED:
            setattr(chosen, FIXED[self.kind], getattr(PublicationFilter(), FIXED[self.kind]))
        return chosen

    def query_items(self, request, value=None):
        """A centre's feed, like its page, takes no filters."""
        return [] if self.kind == "centre" else self.chosen(request).query_items()

    def fresh(self, request, value=None):
        """Free-text queries are too many to keep, as in the lists."""
        return self.kind != "centre" and bool(self.chosen(request).q)

    def get_object(self, request, value=None):
        if value is not None and (len(value) > 200 or "\x00" in value):
            raise Http404("There is no such feed.")
        subject = _subject(self.kind, value)
        chosen = PublicationFilter() if self.kind == "centre" else self.chosen(request)
        if chosen.is_empty():
            return subject
        fixed = {name: value for name, value in subject.filter.__dict__.items() if value}
        pub_filter = chosen.merged(**fixed)
        queries.filtered(pub_filter)  # an unknown series, tag or author is a 404 here
        summary = queries.describe(chosen)
        return replace(
            subject,
            title=f"{subject.title}, {summary}",
            link=f"{subject.link}?{urlencode(chosen.query_items())}",
            description=f"{subject.description.removesuffix('.')}, {summary}.",
            filter=pub_filter,
        )

    def title(self, subject):
        return subject.title

    def link(self, subject):
        return subject.link

    def description(self, subject):
        return subject.description

    def subtitle(self, subject):
        return subject.description

    def items(self, subject):
        if subject.people_pks:
            queryset = queries.by_people(subject.people_pks)
        elif self.kind == "centre":
            return []
        else:
            queryset = queries.filtered(subject.filter)
        queryset = queryset.for_cards().select_related("generated_pdf").defer("pdf_text")
        if not feed_request().full:
            queryset = queryset.defer("body")
        ordered = Category.objects.order_by("tree_id", "lft")
        return list(
            queryset.prefetch_related(Prefetch("categories", queryset=ordered), "tags")[:FEED_ITEMS]
        )

    def item_enclosures(self, item):
        return [printing.enclosure(item, feed_request().origin)]

    def item_title(self, item):
        return f"{item.code} | {item.title}" if item.code else item.title

    def item_description(self, item):
        return item.synopsis

    def item_link(self, item):
        return item.get_absolute_url()

    item_guid_is_permalink = False

    def item_guid(self, item):
        """The series code never changes, even if the title and address do."""
        return f"rsis-publication:{item.code or item.pk}"

    def item_pubdate(self, item):
        """The printed date, at the time it went out if that was the same day."""
        if item.publication_date is None or (
            timezone.localdate(item.published_at) == item.publication_date
        ):
            return item.published_at
        return timezone.make_aware(datetime.combine(item.publication_date, time(9)))

    def item_updateddate(self, item):
        return max(item.updated_at, self.item_pubdate(item))

    def item_extra_kwargs(self, item):
        """Each author by name (see ``core.feeds``), and the whole text if asked for."""
        request = feed_request()
        return {
            "authors": [a.display_name for a in item.authorships.all()],
            "content_html": feed_html(item.body, request.origin) if request.full else None,
        }

    def item_categories(self, item):
        """The series, then the subject categories (in tree order), then the tags."""
        return [
            item.series.name,
            *(category.name for category in item.categories.all()),
            *sorted(tag.name for tag in item.tags.all()),
        ]


class SeriesFeed(PublicationFeed):
    kind = "series"


class CategoryFeed(PublicationFeed):
    kind = "category"


class TagFeed(PublicationFeed):
    kind = "tag"


class AuthorFeed(PublicationFeed):
    kind = "author"


class CentreFeed(PublicationFeed):
    kind = "centre"


#: Each kind of feed in each format: ``FEEDS["series"]["atom"]``.
FEEDS = {
    "all": formats(PublicationFeed),
    "series": formats(SeriesFeed),
    "category": formats(CategoryFeed),
    "tag": formats(TagFeed),
    "author": formats(AuthorFeed),
    "centre": formats(CentreFeed),
}
