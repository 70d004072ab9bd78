"""Every feed carries an ETag and a Last-Modified and answers 304 to a reader holding it."""

import pytest
from django.utils.http import http_date

from publications.models import Publication

FEEDS = [
    "/feeds/publications/rss/",
    "/feeds/publications/atom/?content=full",
    "/feeds/publications/json/?series=commentaries",
    "/feeds/series/commentaries/rss/",
    "/feeds/categories/country-and-region-studies/atom/",
    "/feeds/tags/russia/json/",
    "/feeds/authors/chris-cheang/rss/",
    "/feeds/research/cms/json/",
    "/feeds/events/rss/",
    "/feeds/events/json/?kind=seminar",
    "/feeds/media/highlights/atom/",
    "/feeds/external-publications/rss/",
    "/search/feed/?q=Lavrov",
    "/search/feed/json/?q=Lavrov",
]


@pytest.fixture
def content(lavrov):
    from tests.factories import CentreFactory

    CentreFactory(slug="cms").members.add(lavrov.authorships.first().person)
    return lavrov


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_answer_304_to_readers_holding_them(visitor, content, url):
    first = visitor.get(url)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and len(etag) == 34

    again = visitor.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    assert visitor.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert visitor.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_a_change_gives_a_new_etag_and_the_whole_feed(visitor, content):
    url = "/feeds/publications/rss/"
    etag = visitor.get(url)["ETag"]
    content.title = "A corrected title"
    content.save()
    changed = visitor.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert b"A corrected title" in changed.content


def test_last_modified_is_the_latest_items_date(visitor, content):
    Publication.objects.filter(pk=content.pk).update(updated_at=content.published_at)
    response = visitor.get("/feeds/publications/rss/")
    assert response["Last-Modified"] == http_date(content.published_at.timestamp())


def test_cached_pages_answer_304_too(visitor, content, settings, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 300
    first = visitor.get("/feeds/publications/atom/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        hit = visitor.get("/feeds/publications/atom/", headers={"If-None-Match": first["ETag"]})
    assert hit.status_code == 304 and hit["ETag"] == first["ETag"]
