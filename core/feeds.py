"""RSS 2.0 and Atom writers for feeds whose titles and descriptions are plain text.

Feed readers render an RSS item's description and an Atom ``<summary type="html">`` as HTML,
and many render RSS titles (of the channel and of items) as HTML too. Django writes those texts
as given, only XML-escaped, so a synopsis reading ``<img src=x onerror=…>`` would reach the
reader as markup. Every feed of the site gives these writers plain text, and they HTML-escape
it where a reader takes HTML, so that it shows as typed. Atom titles and subtitles are written
without a ``type``, which makes them text that readers show literally, and are left alone.

``CachedFeed`` is the base of every feed: each is written once per content generation.
"""

import re

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from .content_cache import memo

#: Characters XML 1.0 cannot carry: Django refuses to write a feed holding one.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
        elif key == "categories" and value:
            kwargs[key] = [_text(str(category)) for category in value]
    return kwargs


class TextRssFeed(Rss201rev2Feed):
    def __init__(self, title, link, description, **kwargs):
        super().__init__(_html(title), link, _html(description), **_plain(kwargs))

    def add_item(self, title, link, description, **kwargs):
        super().add_item(_html(title), link, _html(description), **_plain(kwargs))


class TextAtomFeed(Atom1Feed):
    def __init__(self, title, link, description, **kwargs):
        super().__init__(_text(title), link, _text(description), **_plain(kwargs))

    def add_item(self, title, link, description, **kwargs):
        super().add_item(_text(title), link, _html(description), **_plain(kwargs))


class CachedFeed(Feed):
    """A feed written once per content generation for each address (scheme, host and path),
    since a feed reader asks often and the answer changes only with the content.

    ``cache_name`` names the feeds of a subclass in the cache, e.g. ``"events:feed"``.
    """

    feed_type = TextRssFeed
    cache_name = None

    def __call__(self, request, *args, **kwargs):
        def build():
            response = super(CachedFeed, self).__call__(request, *args, **kwargs)
            return response.content, dict(response.items())

        key = f"{self.cache_name}:{request.scheme}://{request.get_host()}{request.path}"
        content, headers = memo(key, build)
        return HttpResponse(content, headers=headers)
