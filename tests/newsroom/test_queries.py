"""Query counts of the media pages are bounded and do not grow with the number of items."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom import queries
from newsroom.models import MediaItem
from newsroom.sitemaps import MediaSitemap
from tests.factories import MediaItemFactory, PersonFactory

PAGES = [
    "/media/",
    "/media/highlights/",
    "/media/highlights/?year=2021",
    "/media/news-releases/",
    "/media/videos/",
    "/media/news-releases/release-0/",
    "/media/videos/video-0/",
    "/feeds/media/highlights/rss/",
    "/feeds/media/videos/atom/",
]
WARM = "/media/audio/?year=1999"  # builds the menu and site facts, none of the pages above


def add_items(n, people):
    """``n`` items of each of highlights, releases and videos, each with two people."""
    start = datetime.date(2021, 1, 1)
    existing = MediaItem.objects.count()
    for i in range(existing // 3, existing // 3 + n):
        day = start + datetime.timedelta(days=i)
        made = [
            MediaItemFactory(date=day),
            MediaItemFactory(kind="news-releases", slug=f"release-{i}", date=day, body="<p>T</p>"),
            MediaItemFactory(
                kind="videos", slug=f"video-{i}", date=day,
                embed_url="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
            ),
        ]  # fmt: skip
        for item in made:
            item.people.set(people)


def counts(visitor):
    visitor.get(WARM)
    measured = {}
    for url in PAGES:
        with CaptureQueriesContext(connection) as first:
            response = visitor.get(url)
        assert response.status_code == 200, url
        with CaptureQueriesContext(connection) as second:
            visitor.get(url)
        measured[url] = (len(first), len(second))
    return measured


def test_media_query_counts_are_bounded_and_do_not_grow(visitor, site_facts):
    people = [PersonFactory(), PersonFactory()]
    add_items(3, people)
    few = counts(visitor)
    add_items(57, people)
    many = counts(visitor)
    assert many == few
    for url, (first, second) in few.items():
        assert first <= 6, (url, first)
        assert second == 0, (url, second)  # lists, pages and feeds are kept per generation


def test_home_page_highlights_cost_two_queries_once(site_facts, django_assert_num_queries):
    people = [PersonFactory(), PersonFactory()]
    add_items(8, people)
    with django_assert_num_queries(2):  # the items, then their people
        latest = queries.latest_highlights(4)
    assert [item.date for item in latest] == sorted((item.date for item in latest), reverse=True)
    assert len(latest) == 4 and all(len(item.people.all()) == 2 for item in latest)
    with django_assert_num_queries(0):
        assert [item.pk for item in queries.latest_highlights(4)] == [item.pk for item in latest]
        for item in latest:
            list(item.people.all())


@pytest.mark.parametrize("volume", [3, 60])
def test_sitemap_query_count_is_bounded(site_facts, volume, django_assert_max_num_queries):
    add_items(volume, [PersonFactory()])
    with django_assert_max_num_queries(2):
        entries = MediaSitemap().items()
    assert len(entries) == 1 + 3 + 2 * volume
