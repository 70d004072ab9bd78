import feedparser
import pytest

from events.services import event_publish
from tests.factories import EventFactory
from tests.hostile import HOSTILE, assert_feed_shows_as_typed
from tests.jsonfeed import json_feed

FEEDS = ["/feeds/events/rss/", "/feeds/events/atom/"]


@pytest.mark.parametrize("url", FEEDS)
def test_events_feed_parses_cleanly_upcoming_then_recent(visitor, programme, url):
    response = visitor.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if "rss" in url else "atom10")
    assert parsed.feed.title == "RSIS Events"
    assert [entry.title for entry in parsed.entries] == [
        "Course Under Way", "Soon Seminar", "Later Lecture",
        "Recent Roundtable", "Older Seminar", "Last Year Workshop",
    ]  # fmt: skip
    soon = parsed.entries[1]
    assert soon.link == "http://testserver/events/" + programme["soon"].slug + "/"
    assert soon.id == f"rsis-event:{programme['soon'].pk}"
    assert soon.summary.startswith("Tuesday 3 March 2026, 10:00–12:00 SGT · Seminar Room 1")
    assert soon.summary.endswith("What Soon Seminar is about.")
    assert [tag.term for tag in soon.tags] == ["Seminar", "IDSS"]


def test_feed_marks_cancelled_events_and_omits_drafts(visitor, programme):
    programme["later"].status = "cancelled"
    programme["later"].save()
    titles = [e.title for e in feedparser.parse(visitor.get(FEEDS[0]).content).entries]
    assert "Cancelled: Later Lecture" in titles
    assert "Secret Draft" not in titles


def test_feed_dates_events_from_their_announcement(visitor, programme, clock):
    import datetime

    clock.shift(datetime.timedelta(hours=5))
    event_publish(event=programme["draft"])
    entries = feedparser.parse(visitor.get(FEEDS[1]).content).entries
    draft = next(e for e in entries if e.title == "Secret Draft")
    assert draft.published_parsed[:4] == (2026, 3, 2, 9)  # announced at 09:00 UTC


def test_feed_is_limited(visitor, clock, site_facts):
    from tests.events.conftest import at

    for n in range(25):
        EventFactory(title=f"Future {n:02d}", start=at(n + 1))
        EventFactory(title=f"Gone {n:02d}", start=at(-n - 1))
    titles = [e.title for e in feedparser.parse(visitor.get(FEEDS[0]).content).entries]
    assert titles == [f"Future {n:02d}" for n in range(20)] + [f"Gone {n:02d}" for n in range(10)]


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_show_markup_in_titles_and_summaries_as_typed(visitor, programme, url):
    for key, text in zip(("soon", "later"), HOSTILE, strict=True):
        programme[key].title = f"On {text} and more"
        programme[key].summary = f"Why {text} matters & how."
        programme[key].save()

    response = visitor.get(url)

    assert response.status_code == 200
    assert_feed_shows_as_typed(response.content, HOSTILE)


def test_each_speaker_is_an_author_and_the_programme_comes_on_request(visitor, programme):
    from tests.factories import EventSpeakerFactory, PersonFactory

    soon = programme["soon"]
    EventSpeakerFactory(event=soon, person=PersonFactory(name="Ann Lee"), order=0)
    EventSpeakerFactory(event=soon, person=PersonFactory(name="Bo Tan"), order=1)
    soon.description = "<p>The programme.</p>"
    soon.save()
    for url in FEEDS:
        entry = feedparser.parse(visitor.get(url).content).entries[1]
        assert [author.name for author in entry.authors] == ["Ann Lee", "Bo Tan"], url
        assert "content" not in entry
        full = feedparser.parse(visitor.get(url + "?content=full").content).entries[1]
        assert full.content[0].value == "<p>The programme.</p>", url
    feed = json_feed(visitor.get("/feeds/events/json/"))
    assert feed["title"] == "RSIS Events"
    assert feed["items"][1]["authors"] == [{"name": "Ann Lee"}, {"name": "Bo Tan"}]
    assert feed["items"][1]["tags"] == ["Seminar", "IDSS"]


def test_feeds_take_the_lists_filters(visitor, programme):
    parsed = feedparser.parse(visitor.get("/feeds/events/rss/?centre=idss&kind=seminar").content)
    assert [entry.title for entry in parsed.entries] == ["Soon Seminar"]
    assert parsed.feed.link == "http://testserver/events/?kind=seminar&centre=idss"
    feed = json_feed(visitor.get("/feeds/events/json/?year=2025"))
    assert [item["title"] for item in feed["items"]] == ["Last Year Workshop"]


@pytest.mark.parametrize(
    "query", ["kind=party", "centre=nowhere", "year=0", "year=2021&year=2022", "content=all"]
)
def test_feeds_refuse_what_the_list_refuses(visitor, programme, query):
    assert visitor.get(f"/feeds/events/rss/?{query}").status_code == 404
