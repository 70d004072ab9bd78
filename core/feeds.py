"""RSS 2.0, Atom and JSON Feed writers for feeds whose titles and descriptions are plain text.

Feed readers render an RSS item's description and an Atom ``<summary type="html">`` as HTML,
and many render RSS titles (of the channel and of items) as HTML too. Django writes those texts
as given, only XML-escaped, so a synopsis reading ``<img src=x onerror=…>`` would reach the
reader as markup. Every feed of the site gives these writers plain text, and they HTML-escape
it where a reader takes HTML, so that it shows as typed. Atom titles and subtitles are written
without a ``type``, which makes them text that readers show literally, and are left alone.

Beyond Django's writers, an item may carry ``authors`` (a list of names: one ``<dc:creator>``
or Atom ``<author>`` each, one JSON Feed author each, so readers can tell co-authors apart) and
``content_html`` (the item's whole text, already sanitised HTML: RSS ``<content:encoded>``,
Atom ``<content type="html">``, JSON Feed ``content_html``).

``CachedFeed`` is the base of every feed: each is written once per content generation for each
address and answers conditional requests (``ETag``, ``Last-Modified``) with 304.
"""

import hashlib
import json
import re
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import escape
from django.utils.http import parse_http_date_safe

from .content_cache import memo
from .richtext import sanitize_html

#: Characters XML 1.0 cannot carry: Django refuses to write a feed holding one.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
CONTENT_MODULE = "http://purl.org/rss/1.0/modules/content/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
#: The values of ``?content=``: the synopsis (the default) or the whole text.
CONTENT_CHOICES = ("synopsis", "full")


def _text(text):
    return None if text is None else NOT_XML.sub(" ", text)


def _html(text):
    return None if text is None else escape(_text(text))


def _plain(kwargs):
    """The other texts of a feed or item (subtitle, author's name, categories...) without
    characters XML cannot carry: a stray one would fail the whole feed."""
    for key, value in kwargs.items():
        if isinstance(value, str) and not key.endswith(("link", "url", "guid")):
            kwargs[key] = _text(value)
        elif key in ("categories", "authors") and value:
            kwargs[key] = [_text(str(each)) for each in value]
    return kwargs


class TextRssFeed(Rss201rev2Feed):
    def __init__(self, title, link, description, **kwargs):
        super().__init__(_html(title), link, _html(description), **_plain(kwargs))

    def add_item(self, title, link, description, **kwargs):
        super().add_item(_html(title), link, _html(description), **_plain(kwargs))

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:dc": DUBLIN_CORE,
            "xmlns:content": CONTENT_MODULE,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors") or ():
            handler.addQuickElement("dc:creator", name)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])


class TextAtomFeed(Atom1Feed):
    def __init__(self, title, link, description, **kwargs):
        super().__init__(_text(title), link, _text(description), **_plain(kwargs))

    def add_item(self, title, link, description, **kwargs):
        super().add_item(_text(title), link, _html(description), **_plain(kwargs))

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors") or ():
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class JsonFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1): texts are plain, as given."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        feed = self.feed
        document = {
            "version": JSON_FEED_VERSION,
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"],
            "language": feed["language"],
            "items": [self._item(item) for item in self.items],
        }
        outfile.write(json.dumps(_without_empty(document), ensure_ascii=False, indent=1))

    @staticmethod
    def _item(item):
        summary = item["description"] or ""
        return _without_empty(
            {
                "id": str(item["unique_id"] or item["link"]),
                "url": item["link"],
                "title": item["title"],
                "summary": summary,
                # JSON Feed asks for one of the two: the whole text if asked for, else the summary.
                **(
                    {"content_html": item["content_html"]}
                    if item.get("content_html")
                    else {"content_text": summary}
                ),
                "date_published": _iso(item["pubdate"]),
                "date_modified": _iso(item["updateddate"]),
                "authors": [{"name": name} for name in item.get("authors") or ()],
                "tags": [str(category) for category in item["categories"] or ()],
                "attachments": [
                    {
                        "url": enclosure.url,
                        "mime_type": enclosure.mime_type,
                        **(
                            {"size_in_bytes": int(enclosure.length)}
                            if int(enclosure.length)
                            else {}
                        ),
                    }
                    for enclosure in item["enclosures"] or ()
                ],
            }
        )


def _iso(moment):
    return moment.isoformat() if moment else None


def _without_empty(mapping):
    return {key: value for key, value in mapping.items() if value not in (None, "", [])}


FORMATS = {"rss": TextRssFeed, "atom": TextAtomFeed, "json": JsonFeed}


def feed_links(title, name, *args, query=()):
    """One feed's addresses in each format (``rss``, ``atom``, ``json``) with its ``title``, for
    a list page's head and its subscribe link: ``name`` is the RSS feed's URL name, the other
    formats' are that with ``-atom`` and ``-json``; ``query`` (pairs) narrows it as the list is."""
    tail = f"?{urlencode(query)}" if query else ""
    return {
        "title": title,
        **{
            fmt: reverse(name if fmt == "rss" else f"{name}-{fmt}", args=args) + tail
            for fmt in FORMATS
        },
    }


def formats(feed_class):
    """``{"rss": feed_class, "atom": …, "json": …}``: the class written in each format."""
    return {
        name: feed_class
        if writer is feed_class.feed_type
        else type(f"{name.title()}{feed_class.__name__}", (feed_class,), {"feed_type": writer})
        for name, writer in FORMATS.items()
    }


@dataclass(frozen=True)
class FeedRequest:
    """What a feed's items need to know of the request: where the site is and whether the
    reader asked for whole texts (``?content=full``)."""

    origin: str
    full: bool = False


_feed_request = ContextVar("feed_request", default=None)


def feed_request():
    """The ``FeedRequest`` of the feed being written."""
    return _feed_request.get() or FeedRequest("")


def read_content_choice(query):
    """Whether ``?content=`` asks for whole texts; Http404 for any other value than those of
    ``CONTENT_CHOICES`` or a repeated one, as the lists answer a bad filter."""
    given = query.getlist("content")
    if not given:
        return False
    if len(given) > 1 or given[0] not in CONTENT_CHOICES:
        raise Http404("Give “content=full” for whole texts, or nothing for synopses.")
    return given[0] == "full"


class CachedFeed(Feed):
    """A feed written once per content generation for each address (scheme, host, path and
    the normalised query), since a feed reader asks often and the answer changes only with the
    content. Each answer carries an ``ETag`` (a digest of the feed) and a ``Last-Modified`` (its
    latest item's date), and a reader that already holds it gets 304 and no body.

    ``cache_name`` names the feeds of a subclass in the cache, e.g. ``"events:feed"``;
    ``full_text`` says whether the feed offers whole texts with ``?content=full``.
    """

    feed_type = TextRssFeed
    cache_name = None
    full_text = False

    def query_items(self, request, *args, **kwargs):
        """The checked and normalised filters of the feed's query string, as (name, value)
        pairs (Http404 for a bad one). Other parameters are ignored."""
        return []

    def fresh(self, request, *args, **kwargs):
        """Whether the feed is written afresh for each request (e.g. any free text)."""
        return False

    def feed_url(self, obj):
        return _feed_address.get()

    def __call__(self, request, *args, **kwargs):
        full = read_content_choice(request.GET) if self.full_text else False
        query = self.query_items(request, *args, **kwargs) + ([("content", "full")] if full else [])
        address = request.path + (f"?{urlencode(query)}" if query else "")

        def build():
            tokens = (
                _feed_request.set(FeedRequest(f"{request.scheme}://{request.get_host()}", full)),
                _feed_address.set(address),
            )
            try:
                response = super(CachedFeed, self).__call__(request, *args, **kwargs)
            finally:
                _feed_address.reset(tokens[1])
                _feed_request.reset(tokens[0])
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            return response.content, dict(response.items())

        if self.fresh(request, *args, **kwargs):
            content, headers = build()
        else:
            key = f"{self.cache_name}:{request.scheme}://{request.get_host()}{address}"
            content, headers = memo(key, build)
        return answer_conditionally(request, HttpResponse(content, headers=headers))


_feed_address = ContextVar("feed_address", default=None)


def answer_conditionally(request, response):
    """304 Not Modified instead of ``response`` when the request's ``If-None-Match`` or
    ``If-Modified-Since`` says the client holds it already (judged by its validators)."""
    etag = response.get("ETag")
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    if not (etag or modified):
        return response
    return get_conditional_response(request, etag=etag, last_modified=modified, response=response)


_ROOT_RELATIVE = re.compile(r'\b(src|href)="/(?!/)')


def feed_html(html, origin):
    """``html`` (rich text the site saved) as a feed's whole text: sanitised again by the
    site's one allow-list (``core.richtext``), whatever reached the database, and with the
    site's own addresses made absolute, since a reader shows it away from the site."""
    return _ROOT_RELATIVE.sub(rf'\1="{origin}/', sanitize_html(html))
