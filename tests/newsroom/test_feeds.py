import datetime

import feedparser
import pytest

from tests.factories import MediaItemFactory
from tests.hostile import HOSTILE, assert_feed_shows_as_typed
from tests.jsonfeed import json_feed

from .conftest import make_items


@pytest.mark.parametrize("flavour", ["rss", "atom"])
def test_highlight_feeds_parse_cleanly_newest_first(visitor, highlight, chris, flavour):
    older = MediaItemFactory(title="Older coverage", date=datetime.date(2020, 5, 1), outlet="")
    newer = MediaItemFactory(
        title="Newer coverage", date=datetime.date(2023, 3, 2), body="<p>Our note.</p>"
    )
    newer.people.set([chris])
    response = visitor.get(f"/feeds/media/highlights/{flavour}/")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if flavour == "rss" else "atom10")
    assert parsed.feed.title == "RSIS Media Highlights"
    assert [entry.title for entry in parsed.entries] == [
        "Newer coverage", "Russia courts Southeast Asia", "Older coverage",
    ]  # fmt: skip
    first, second, third = parsed.entries
    assert first.link == "http://testserver/media/highlights/" + newer.slug + "/"  # has a page
    assert second.link == "https://example.org/kremlin-looks-east"  # the coverage itself
    assert third.link == older.url
    assert first.published_parsed[:5] == (2023, 3, 2, 1, 0)  # 9:00 in Singapore
    assert first.author == "Chris Cheang"
    assert second.summary == (
        "Eurasia Monitor, “Kremlin Looks East”. "
        "Moscow presents itself as a partner that takes no side."
    )
    assert second.id == f"rsis-media:{highlight.pk}"


def test_feed_ids_stay_when_addresses_change(visitor, release):
    before = feedparser.parse(visitor.get("/feeds/media/news-releases/atom/").content)
    release.slug = "renamed"
    release.save()
    after = feedparser.parse(visitor.get("/feeds/media/news-releases/atom/").content)
    assert after.entries[0].id == before.entries[0].id
    assert after.entries[0].link.endswith("/media/news-releases/renamed/")


def test_feed_is_limited_to_the_latest_twenty(visitor, site_facts):
    make_items("audio", 25)
    parsed = feedparser.parse(visitor.get("/feeds/media/audio/rss/").content)
    assert len(parsed.entries) == 20
    assert parsed.entries[0].published_parsed[:3] == (2020, 1, 25)


@pytest.mark.parametrize("kind", ["highlights", "news-releases", "speeches", "videos", "audio"])
def test_every_kind_has_feeds_linked_from_its_list(visitor, site_facts, kind):
    html = visitor.get(f"/media/{kind}/").content.decode()
    head = html[: html.index("</head>")]
    assert 'type="application/rss+xml" title="RSIS ' in head
    assert f'href="/feeds/media/{kind}/rss/"' in head
    assert f'href="/feeds/media/{kind}/atom/"' in head
    for flavour in ("rss", "atom"):
        parsed = feedparser.parse(visitor.get(f"/feeds/media/{kind}/{flavour}/").content)
        assert not parsed.bozo and parsed.entries == []


@pytest.mark.parametrize("flavour", ["rss", "atom"])
def test_feeds_show_markup_in_titles_and_summaries_as_typed(visitor, highlight, flavour):
    highlight.title = f"On {HOSTILE[0]} and more"
    highlight.original_title = HOSTILE[1]
    highlight.outlet = f"The {HOSTILE[0]} Times"
    highlight.summary = f"Why {HOSTILE[1]} matters & how."
    highlight.save()
    MediaItemFactory(title=f"On {HOSTILE[1]}", summary=f"Why {HOSTILE[0]} matters.")

    response = visitor.get(f"/feeds/media/highlights/{flavour}/")

    assert response.status_code == 200
    assert_feed_shows_as_typed(response.content, HOSTILE)


def test_each_person_is_an_author_and_json_feeds_follow_the_format(visitor, highlight, chris):
    from tests.factories import PersonFactory

    item = MediaItemFactory(
        title="With a note", date=datetime.date(2023, 3, 2), body="<p>Our note.</p>"
    )
    item.people.set([chris, PersonFactory(name="Ann Lee", sort_name="Lee, Ann")])
    entry = feedparser.parse(visitor.get("/feeds/media/highlights/atom/").content).entries[0]
    assert sorted(author.name for author in entry.authors) == ["Ann Lee", chris.name]
    full = feedparser.parse(visitor.get("/feeds/media/highlights/rss/?content=full").content)
    assert full.entries[0].content[0].value == "<p>Our note.</p>"
    feed = json_feed(visitor.get("/feeds/media/highlights/json/"))
    assert feed["title"] == "RSIS Media Highlights"
    assert [i["title"] for i in feed["items"]] == ["With a note", "Russia courts Southeast Asia"]


def test_feeds_take_the_lists_year(visitor, highlight):
    MediaItemFactory(title="Old", date=datetime.date(2020, 5, 1))
    parsed = feedparser.parse(visitor.get("/feeds/media/highlights/rss/?year=2020").content)
    assert [entry.title for entry in parsed.entries] == ["Old"]
    assert parsed.feed.title == "RSIS Media Highlights for 2020"
    assert visitor.get("/feeds/media/highlights/rss/?year=20x0").status_code == 404
