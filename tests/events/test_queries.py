"""Query counts of the events pages do not grow with the number of events."""

import pytest

from events.queries import upcoming_events
from tests.events.conftest import at
from tests.factories import EventFactory, EventSpeakerFactory, PersonFactory, PublicationFactory

PAGES = [
    "/events/",
    "/events/?kind=seminar&centre=idss&year=2026",
    "/events/target/",
    "/events/target/event.ics",
    "/events/calendar.ics",
    "/feeds/events/rss/",
    "/feeds/events/atom/",
]


def make_events(count, centre, person):
    """``count`` public events, half upcoming and half past, each with two speakers."""
    events = []
    for n in range(count):
        days = n // 2 + 1 if n % 2 else -(n // 2) - 1
        event = EventFactory(start=at(days), centre=centre)
        EventSpeakerFactory(event=event, person=person)
        EventSpeakerFactory(event=event, person=None, name="Guest", affiliation="Elsewhere")
        events.append(event)
    return events


def query_counts(visitor, django_assert_max_num_queries, django_assert_num_queries, pages=PAGES):
    visitor.get("/")  # warm the new content generation
    counts = {}
    for url in pages:
        with django_assert_max_num_queries(10) as captured:
            response = visitor.get(url)
        assert response.status_code == 200, url
        counts[url] = len(captured)
        with django_assert_num_queries(0):
            visitor.get(url)  # second view: everything is kept for the generation
    return counts


@pytest.mark.parametrize("volume", [3, 60])
def test_events_pages_query_counts_are_bounded(
    visitor, clock, site_facts, idss, volume, django_assert_max_num_queries,
    django_assert_num_queries,
):  # fmt: skip
    person = PersonFactory()
    make_events(volume, idss, person)
    target = EventFactory(slug="target", start=at(2), centre=idss)
    EventSpeakerFactory(event=target, person=person)
    target.related_publications.add(PublicationFactory(), PublicationFactory())
    pages = PAGES + (["/events/?upcoming_page=2&past_page=2"] if volume > 40 else [])
    query_counts(visitor, django_assert_max_num_queries, django_assert_num_queries, pages)


def test_query_counts_are_the_same_for_3_and_60_events(
    visitor, clock, site_facts, idss, django_assert_max_num_queries, django_assert_num_queries
):
    from django.core.cache import cache

    person = PersonFactory()
    target = EventFactory(slug="target", start=at(2), centre=idss)
    target.related_publications.add(PublicationFactory())
    make_events(3, idss, person)
    few = query_counts(visitor, django_assert_max_num_queries, django_assert_num_queries)
    make_events(57, idss, person)
    cache.clear()
    many = query_counts(visitor, django_assert_max_num_queries, django_assert_num_queries)
    assert few == many


def test_home_page_helper_is_memoised_with_centre_loaded(
    clock, site_facts, idss, django_assert_num_queries
):
    EventFactory(title="Past", start=at(-2), centre=idss)
    for n in range(5):
        EventFactory(title=f"Next {n}", start=at(n + 1), centre=idss)
    EventFactory(title="Draft", start=at(0, hour=5), status="draft")
    with django_assert_num_queries(1):
        events = upcoming_events(3)
        assert [event.centre.acronym for event in events] == ["IDSS"] * 3
    assert [event.title for event in events] == ["Next 0", "Next 1", "Next 2"]
    with django_assert_num_queries(0):
        assert upcoming_events(3) == events
