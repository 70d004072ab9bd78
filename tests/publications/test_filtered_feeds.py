"""A feed for every list a reader can see, narrowed as the list is, and advertised by it."""

import re
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest

from tests.factories import AuthorshipFactory, PublicationFactory
from tests.jsonfeed import json_feed


@pytest.fixture
def mixed(lavrov, policy_reports, regions, author):
    """Lavrov (CO21113, 2021) and a 2022 policy report by the same author on Europe."""
    report = PublicationFactory(series=policy_reports, title="Report")
    AuthorshipFactory(publication=report, person=author)
    report.categories.set([regions["europe"]])
    return report


def advertised(visitor, page):
    """The RSS address in the page's head, and the one its visible feed link leads to."""
    html = visitor.get(page).content.decode()
    head = html[: html.index("</head>")]
    (rss,) = re.findall(
        r'<link rel="alternate" type="application/rss\+xml"[^>]* href="([^"]+)"', head
    )
    (link,) = re.findall(r'<a class="feed-link" href="([^"]+)"', html)
    assert urlsplit(link).path == "/feeds/"
    (chosen,) = parse_qs(urlsplit(link.replace("&amp;", "&")).query)["feed"]
    return rss.replace("&amp;", "&"), chosen


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/publications/", "/feeds/publications/rss/"),
        (
            "/publications/?year=2021&series=commentaries&page=1",
            "/feeds/publications/rss/?series=commentaries&year=2021",
        ),
        (
            "/publications/?category=europe&author=chris-cheang",
            "/feeds/publications/rss/?category=country-and-region-studies%2Feurope&author=chris-cheang",
        ),
        ("/publications/commentaries/?year=2021", "/feeds/series/commentaries/rss/?year=2021"),
        ("/publications/year/2021/", "/feeds/publications/rss/?year=2021"),
        (
            "/publications/year/2021/?series=commentaries",
            "/feeds/publications/rss/?series=commentaries&year=2021",
        ),
        ("/tags/russia/?year=2021", "/feeds/tags/russia/rss/?year=2021"),
        (
            "/categories/country-and-region-studies/?category=international-political-economy",
            "/feeds/categories/country-and-region-studies/rss/?category=international-political-economy",
        ),
        (
            "/external-publications/op-eds/?year=2021",
            "/feeds/external-publications/op-eds/rss/?year=2021",
        ),
    ],
)
def test_each_list_advertises_exactly_its_own_feed(visitor, mixed, page, feed):
    assert advertised(visitor, page) == (feed, feed)
    assert visitor.get(feed).status_code == 200


def test_filtered_feed_has_what_its_list_has(visitor, mixed, lavrov):
    parsed = feedparser.parse(visitor.get("/feeds/publications/rss/?series=commentaries").content)
    assert [entry.title for entry in parsed.entries] == [f"CO21113 | {lavrov.title}"]
    assert parsed.feed.title == "RSIS Publications, in Commentaries"
    assert parsed.feed.link == "http://testserver/publications/?series=commentaries"
    both = json_feed(visitor.get("/feeds/authors/chris-cheang/json/?category=europe"))
    assert len(both["items"]) == 2
    assert both["feed_url"] == (
        "http://testserver/feeds/authors/chris-cheang/json/?category=country-and-region-studies%2Feurope"
    )


def test_research_centre_feed_has_its_peoples_work(visitor, lavrov, author):
    from tests.factories import CentreFactory

    centre = CentreFactory(name="Centre for Multilateralism Studies", acronym="CMS", slug="cms")
    centre.members.add(author)
    feed = json_feed(visitor.get("/feeds/research/cms/json/"))
    assert [item["title"] for item in feed["items"]] == [f"CO21113 | {lavrov.title}"]
    rss, chosen = advertised(visitor, "/research/cms/")
    assert rss == chosen == "/feeds/research/cms/rss/"
    assert visitor.get("/feeds/research/nowhere/rss/").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "year=0",
        "year=abc",
        "year=2021&year=2022",
        "series=nope",
        "category=nope",
        "tag=nope",
        "author=nobody",
        "q=" + "a" * 5000,
        "series=a%00b",
        "content=nope",
    ],
)
def test_feeds_refuse_what_the_lists_refuse(visitor, lavrov, query):
    assert visitor.get(f"/publications/?{query}").status_code == (
        200 if "content" in query else 404
    )
    assert visitor.get(f"/feeds/publications/rss/?{query}").status_code == 404
    assert visitor.get(f"/feeds/series/commentaries/json/?{query}").status_code == 404


def test_feeds_ignore_what_the_lists_ignore(visitor, lavrov):
    plain = visitor.get("/feeds/publications/rss/").content
    assert visitor.get("/feeds/publications/rss/?page=abc&utm_source=x").content == plain


def test_external_feeds_refuse_bad_kinds_and_years(visitor, lavrov):
    assert visitor.get("/feeds/external-publications/novels/rss/").status_code == 404
    assert visitor.get("/feeds/external-publications/rss/?year=99999").status_code == 404
