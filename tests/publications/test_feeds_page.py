"""``/feeds/`` lists every feed with its addresses, and ``/feeds/opml/`` gives them all."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import CategoryFactory, CentreFactory, SeriesFactory


@pytest.fixture
def catalogue(lavrov, policy_reports):
    CentreFactory(name="Centre for Multilateralism Studies", acronym="CMS", slug="cms")
    return lavrov


def test_feeds_page_lists_every_feed_with_copyable_addresses(visitor, catalogue):
    html = visitor.get("/feeds/").content.decode()
    for address in (
        "/feeds/publications/rss/",
        "/feeds/publications/atom/",
        "/feeds/publications/json/",
        "/feeds/series/commentaries/rss/",
        "/feeds/series/policy-reports/json/",
        "/feeds/categories/country-and-region-studies/rss/",
        "/feeds/categories/international-political-economy/rss/",
        "/feeds/research/cms/rss/",
        "/feeds/events/rss/",
        "/feeds/events/rss/?kind=lecture",
        "/feeds/media/highlights/rss/",
        "/feeds/media/audio/json/",
        "/feeds/external-publications/rss/",
        "/feeds/external-publications/op-eds/rss/",
    ):
        assert "<code id=" in html and f">http://testserver{address}</code>" in html, address
    assert "/feeds/categories/country-and-region-studies/europe/" not in html  # top ones only
    assert 'class="copy-address__button" data-copy-from="feed-1-1-rss" hidden' in html
    assert '<script src="/static/js/copy-address.js" defer></script>' in html
    assert 'href="/feeds/opml/"' in html


def test_feeds_page_shows_the_list_a_reader_came_from(visitor, catalogue):
    html = visitor.get(
        "/feeds/", {"feed": "/feeds/series/commentaries/rss/?year=2021&category=europe"}
    ).content.decode()
    assert 'id="this-feed"' in html
    for fmt in ("rss", "atom", "json"):
        address = (
            f"http://testserver/feeds/series/commentaries/{fmt}/?year=2021&amp;category=europe"
        )
        assert f">{address}</code>" in html


@pytest.mark.parametrize(
    "value",
    [
        "https://evil.example/feed",
        "/publications/",
        "/feeds/nope/rss/",
        "/feeds/\x00",
        "/" * 2000,
        "javascript:alert(1)",
    ],
)
def test_feeds_page_ignores_what_is_not_one_of_its_feeds(visitor, catalogue, value):
    response = visitor.get("/feeds/", {"feed": value})
    assert response.status_code == 200
    assert 'id="this-feed"' not in response.content.decode()


def test_opml_names_every_feed(visitor, catalogue):
    response = visitor.get("/feeds/opml/")
    assert response["Content-Type"] == "text/x-opml; charset=utf-8"
    root = ET.fromstring(response.content)  # noqa: S314 - our own answer
    assert root.tag == "opml" and root.get("version") == "2.0"
    feeds = {
        o.get("xmlUrl"): o.get("htmlUrl") for o in root.iter("outline") if o.get("type") == "rss"
    }
    assert feeds["http://testserver/feeds/publications/rss/"] == "http://testserver/publications/"
    assert feeds["http://testserver/feeds/series/commentaries/rss/"] == (
        "http://testserver/publications/commentaries/"
    )
    assert "http://testserver/feeds/research/cms/rss/" in feeds
    assert "http://testserver/feeds/events/rss/" in feeds
    for url in feeds:
        assert visitor.get(url.removeprefix("http://testserver")).status_code == 200, url


def test_feeds_page_and_opml_cost_a_fixed_number_of_queries(
    visitor, catalogue, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        visitor.get("/feeds/")
    for n in range(5):
        SeriesFactory(name=f"Series {n}", item_name=f"Item {n}")
        CategoryFactory(name=f"Subject {n}", slug=f"subject-{n}")
        CentreFactory(slug=f"centre-{n}")
    with django_assert_max_num_queries(10):
        assert visitor.get("/feeds/").status_code == 200
    with django_assert_max_num_queries(10):
        assert visitor.get("/feeds/opml/").status_code == 200


def test_feeds_page_is_linked_from_list_pages_and_the_footer(visitor, catalogue):
    html = visitor.get("/publications/").content.decode()
    assert 'href="/feeds/?feed=%2Ffeeds%2Fpublications%2Frss%2F#this-feed"' in html
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/feeds/">Feeds for your feed reader (RSS, Atom, JSON)</a>' in footer
