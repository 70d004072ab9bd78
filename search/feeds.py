"""A feed of any search, newest first, to follow a topic: RSS 2.0 at ``/search/feed/?q=...``,
Atom at ``/search/feed/atom/?q=...`` and JSON Feed at ``/search/feed/json/?q=...``.

Written afresh for each request (searches are too many to keep), with the validators and 304
answers of every feed (``core.feeds.CachedFeed``)."""

import datetime
from html import unescape
from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from core.feeds import CachedFeed, feed_request, formats
from core.site import get_site_context
from publications import printing

from .models import SearchEntry
from .request import SearchRequest
from .services import run

Kind = SearchEntry.Kind
FEED_ITEMS = 20
PUBLISH_TIME = datetime.time(9)


class SearchFeed(CachedFeed):
    cache_name = "search:feed"

    def query_items(self, request):
        return self.get_object(request).query_items(sort=None)

    def fresh(self, request):
        return True

    def get_object(self, request):
        search = SearchRequest.from_query(request.GET)
        if not search.q:
            raise Http404("Give the words to follow, e.g. ?q=maritime+security.")
        search.sort = "date"
        return search

    def title(self, search):
        return f"{get_site_context()['short_name']} search: {search.q}"

    def link(self, search):
        return f"{reverse('search:results')}?{urlencode(search.query_items(sort=None))}"

    def description(self, search):
        return f"The latest publications, events, pages and people matching “{search.q}”."

    def items(self, search):
        return run(search).results[0:FEED_ITEMS]

    def item_enclosures(self, result):
        """A publication's PDF, as in the publications' own feeds."""
        if result.kind != Kind.PUBLICATION:
            return []
        return [printing.enclosure(result.item, feed_request().origin)]

    def item_title(self, result):
        return result.title

    def item_link(self, result):
        return result.url

    def item_description(self, result):
        """The snippet is HTML (the words found are marked); the feed takes plain text."""
        return unescape(strip_tags(result.snippet))

    def item_pubdate(self, result):
        when = result.date
        if when is None or isinstance(when, datetime.datetime):
            return when
        return timezone.make_aware(datetime.datetime.combine(when, PUBLISH_TIME))

    def item_categories(self, result):
        return [result.kind_label]


FEEDS = formats(SearchFeed)
