"""What each publication feed carries: every author, the categories, tags and series, the PDF,
the whole text on request, and the same in JSON Feed 1.1."""

import re

import feedparser
import pytest

from publications.models import GeneratedPDF, Publication
from tests.factories import AuthorshipFactory
from tests.jsonfeed import json_feed

FACETS = [
    "/feeds/publications/{}/",
    "/feeds/series/commentaries/{}/",
    "/feeds/categories/country-and-region-studies/{}/",
    "/feeds/tags/russia/{}/",
    "/feeds/authors/chris-cheang/{}/",
]


@pytest.fixture
def coauthored(lavrov):
    AuthorshipFactory(publication=lavrov, person=None, name="Jane Roe", order=1)
    return lavrov


def test_rss_names_each_author_in_a_dublin_core_creator(visitor, coauthored):
    content = visitor.get("/feeds/publications/rss/").content.decode()
    root = content[: content.index("<channel>")]
    assert 'xmlns:dc="http://purl.org/dc/elements/1.1/"' in root
    assert re.findall(r"<dc:creator>([^<]*)</dc:creator>", content) == ["Chris Cheang", "Jane Roe"]
    entry = feedparser.parse(content).entries[0]
    assert [author.name for author in entry.authors] == ["Chris Cheang", "Jane Roe"]


def test_atom_names_each_author_in_an_author_element(visitor, coauthored):
    content = visitor.get("/feeds/publications/atom/").content.decode()
    assert re.findall(r"<author><name>([^<]*)</name></author>", content) == [
        "Chris Cheang",
        "Jane Roe",
    ]
    entry = feedparser.parse(content).entries[0]
    assert [author.name for author in entry.authors] == ["Chris Cheang", "Jane Roe"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_items_carry_series_categories_and_tags(visitor, lavrov, kind):
    entry = feedparser.parse(visitor.get(f"/feeds/publications/{kind}/").content).entries[0]
    assert [tag.term for tag in entry.tags] == [
        "Commentaries",
        "Europe",
        "Southeast Asia and ASEAN",
        "International Political Economy",
        "ASEAN",
        "Russia",
    ]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_items_carry_their_pdf_without_printing_it(
    visitor, lavrov, kind, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        response = visitor.get(f"/feeds/publications/{kind}/")
    (enclosure,) = feedparser.parse(response.content).entries[0].enclosures
    assert enclosure.href == "http://testserver/p/CO21113.pdf"
    assert enclosure.type == "application/pdf"
    assert enclosure.length == "0"  # not made yet: the feed does not make it
    assert not GeneratedPDF.objects.exists()


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_synopsis_by_default_whole_text_on_request(visitor, lavrov, kind):
    Publication.objects.filter(pk=lavrov.pk).update(
        body='<p>Body <script>alert(1)</script><img src="/media-files/a.png" alt="A map"></p>'
    )
    plain = feedparser.parse(visitor.get(f"/feeds/publications/{kind}/").content).entries[0]
    assert "content" not in plain

    response = visitor.get(f"/feeds/publications/{kind}/?content=full")

    raw = response.content.decode()
    assert ("<content:encoded>" in raw) == (kind == "rss")
    assert ('<content type="html">' in raw) == (kind == "atom")
    entry = feedparser.parse(response.content, sanitize_html=False).entries[0]
    assert entry.summary == lavrov.synopsis
    (content,) = entry.content
    assert "script" not in content.value and "alert" not in content.value
    assert 'src="http://testserver/media-files/a.png"' in content.value


@pytest.mark.parametrize("value", ["whole", "", "full\x00", "FULL"])
def test_unknown_content_choices_are_refused(visitor, lavrov, value):
    assert visitor.get("/feeds/publications/rss/", {"content": value}).status_code == 404


def test_repeated_content_choice_is_refused(visitor, lavrov):
    assert visitor.get("/feeds/publications/rss/?content=full&content=full").status_code == 404


@pytest.mark.parametrize("url", FACETS)
def test_json_feeds_follow_json_feed_1_1(visitor, coauthored, url):
    feed = json_feed(visitor.get(url.format("json")))

    assert feed["feed_url"] == "http://testserver" + url.format("json")
    (item,) = feed["items"]
    assert item["id"] == "rsis-publication:CO21113"
    assert item["url"] == "http://testserver" + coauthored.get_absolute_url()
    assert item["title"] == f"CO21113 | {coauthored.title}"
    assert item["content_text"] == item["summary"] == coauthored.synopsis
    assert item["date_published"] == "2021-07-26T01:00:00+00:00"  # 9:00 in Singapore
    assert item["authors"] == [{"name": "Chris Cheang"}, {"name": "Jane Roe"}]
    assert item["tags"] == ["Commentaries", "Europe", "Southeast Asia and ASEAN"] + [
        "International Political Economy",
        "ASEAN",
        "Russia",
    ]
    assert item["attachments"] == [
        {"url": "http://testserver/p/CO21113.pdf", "mime_type": "application/pdf"}
    ]


def test_json_feed_gives_the_whole_text_on_request(visitor, lavrov):
    feed = json_feed(visitor.get("/feeds/publications/json/?content=full"))
    (item,) = feed["items"]
    assert item["content_html"] == lavrov.body
    assert "content_text" not in item
    assert feed["feed_url"] == "http://testserver/feeds/publications/json/?content=full"


def test_json_feed_texts_are_plain_as_typed(visitor, lavrov):
    Publication.objects.filter(pk=lavrov.pk).update(title="Guns & <b>butter</b>")
    feed = json_feed(visitor.get("/feeds/publications/json/"))
    assert feed["items"][0]["title"] == "CO21113 | Guns & <b>butter</b>"


def test_search_feed_comes_in_atom_and_json_too(visitor, lavrov):
    atom = feedparser.parse(visitor.get("/search/feed/atom/?q=Lavrov").content)
    assert atom.version == "atom10"
    assert [entry.title for entry in atom.entries] == [lavrov.title]
    feed = json_feed(visitor.get("/search/feed/json/?q=Lavrov"))
    assert [item["title"] for item in feed["items"]] == [lavrov.title]
