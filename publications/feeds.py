"""RSS 2.0 and Atom feeds of public publications: all, or one series, category, tag or author."""

from dataclasses import dataclass, replace
from datetime import datetime, time

from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from core.feeds import CachedFeed, TextAtomFeed
from core.site import get_site_context

from . import printing, queries
from .categories import node_by_path
from .filters import PublicationFilter

FEED_ITEMS = 20


@dataclass(frozen=True)
class Subject:
    """What a feed is about: its title, the list page it mirrors and its filter."""

    title: str
    link: str
    description: str
    filter: PublicationFilter
    #: The scheme and host of the feed's address, for the items' PDF enclosures.
    origin: str = ""


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
    person = queries.author_by_slug(value)
    if person is None:
        raise Http404("There is no such author.")
    return Subject(
        f"{site} Publications by {person.name}",
        person.get_absolute_url(),
        f"The latest publications by {person.name}.",
        PublicationFilter(author=person.slug),
    )


class PublicationFeed(CachedFeed):
    cache_name = "publications:feed"
    kind = "all"

    def get_object(self, request, value=None):
        if value is not None and (len(value) > 200 or "\x00" in value):
            raise Http404("There is no such feed.")
        return replace(
            _subject(self.kind, value), origin=f"{request.scheme}://{request.get_host()}"
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
        items = list(
            queries.filtered(subject.filter)
            .for_cards()
            .select_related("generated_pdf")[:FEED_ITEMS]
        )
        for item in items:
            item.feed_origin = subject.origin
        return items

    def item_enclosures(self, item):
        return [printing.enclosure(item, item.feed_origin)]

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

    def item_author_name(self, item):
        return ", ".join(a.display_name for a in item.authorships.all()) or None

    def item_categories(self, item):
        return [item.series.name]


def _atom(feed_class):
    return type(f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": TextAtomFeed})


class SeriesFeed(PublicationFeed):
    kind = "series"


class CategoryFeed(PublicationFeed):
    kind = "category"


class TagFeed(PublicationFeed):
    kind = "tag"


class AuthorFeed(PublicationFeed):
    kind = "author"


FEEDS = {
    "all": (PublicationFeed, _atom(PublicationFeed)),
    "series": (SeriesFeed, _atom(SeriesFeed)),
    "category": (CategoryFeed, _atom(CategoryFeed)),
    "tag": (TagFeed, _atom(TagFeed)),
    "author": (AuthorFeed, _atom(AuthorFeed)),
}
