"""iCalendar files, read back with the icalendar parser as a calendar client would."""

import datetime

import pytest
from icalendar import Calendar

from tests.events.conftest import at
from tests.factories import EventFactory, EventSpeakerFactory
from tests.hostile import CONTROL, CONTROL_CHARACTERS, STORABLE_CONTROL, assert_lines_clean

UTC = datetime.UTC


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"\r\n" in response.content  # RFC 5545 line ends
    return Calendar.from_ical(response.content)


@pytest.fixture
def seminar(clock, site_facts, idss):
    event = EventFactory(
        title="Ports, Power; and Asia",
        slug="ports-and-power",
        start=datetime.datetime(2026, 3, 10, 1, 30, tzinfo=UTC),
        end=datetime.datetime(2026, 3, 10, 3, 0, tzinfo=UTC),
        venue="Seminar Room 1, Block S4",
        centre=idss,
        summary="Why ports matter.",
        description="<p>First &amp; foremost.</p><ul><li>Talks</li><li>Questions</li></ul>",
    )
    EventSpeakerFactory(event=event, person=None, name="Jane Roe", affiliation="Example U")
    return event


def test_event_file_parses_with_uid_times_summary_and_status(visitor, seminar):
    response = visitor.get("/events/ports-and-power/event.ics")
    assert response["Content-Disposition"] == 'attachment; filename="ports-and-power.ics"'
    calendar = parse(response)
    assert str(calendar["VERSION"]) == "2.0"
    [event] = calendar.events
    assert str(event["UID"]) == f"event-{seminar.pk}@testserver"
    assert event.start == datetime.datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
    assert event.end == datetime.datetime(2026, 3, 10, 3, 0, tzinfo=UTC)
    assert event.start.astimezone(datetime.timezone(datetime.timedelta(hours=8))).hour == 9
    assert b"DTSTART:20260310T013000Z" in response.content
    assert str(event["SUMMARY"]) == "Ports, Power; and Asia"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["LOCATION"]) == "Seminar Room 1, Block S4"
    assert str(event["URL"]) == "http://testserver/events/ports-and-power/"
    assert event["DTSTAMP"].dt == seminar.updated_at
    description = str(event["DESCRIPTION"])
    assert "<" not in description
    assert "Why ports matter." in description
    assert "First & foremost.\nTalks\nQuestions" in description
    assert "Speakers: Jane Roe (Example U)" in description
    assert "Tuesday 10 March 2026, 09:30–11:00 SGT" in description


def test_cancelled_event_file_says_cancelled(visitor, seminar):
    seminar.status = "cancelled"
    seminar.save()
    [event] = parse(visitor.get("/events/ports-and-power/event.ics")).events
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == "Cancelled: Ports, Power; and Asia"
    assert str(event["DESCRIPTION"]).startswith("This event has been cancelled.")


def test_postponed_event_is_tentative(visitor, seminar):
    seminar.status = "postponed"
    seminar.save()
    [event] = parse(visitor.get("/events/ports-and-power/event.ics")).events
    assert str(event["STATUS"]) == "TENTATIVE"


def test_uid_is_stable_and_ignores_the_port(visitor, seminar):
    first = parse(visitor.get("/events/ports-and-power/event.ics", HTTP_HOST="localhost:8000"))
    seminar.title, seminar.slug = "Renamed", "renamed"
    seminar.save()
    second = parse(visitor.get("/events/renamed/event.ics", HTTP_HOST="localhost:8000"))
    assert str(first.events[0]["UID"]) == str(second.events[0]["UID"])
    assert str(second.events[0]["UID"]) == f"event-{seminar.pk}@localhost"


def test_calendar_feed_holds_upcoming_public_events_soonest_first(visitor, seminar):
    EventFactory(title="Later", start=at(20))
    EventFactory(title="Already Over", start=at(-3))
    EventFactory(title="Hidden Draft", start=at(4), status="draft")
    EventFactory(title="Called Off", start=at(6), status="cancelled")
    response = visitor.get("/events/calendar.ics")
    calendar = parse(response)
    assert str(calendar["X-WR-CALNAME"]) == "RSIS Events"
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT6H" in response.content
    assert b"X-PUBLISHED-TTL:PT6H" in response.content
    summaries = [str(event["SUMMARY"]) for event in calendar.events]
    assert summaries == ["Cancelled: Called Off", "Ports, Power; and Asia", "Later"]
    statuses = [str(event["STATUS"]) for event in calendar.events]
    assert statuses == ["CANCELLED", "CONFIRMED", "CONFIRMED"]
    assert len({str(event["UID"]) for event in calendar.events}) == 3


def test_calendar_feed_of_nothing_is_still_a_calendar(visitor, site_facts):
    calendar = parse(visitor.get("/events/calendar.ics"))
    assert calendar.events == []
    assert str(calendar["PRODID"]) == "-//RSIS//Events//EN"


def test_online_event_location_is_its_link(visitor, clock, site_facts):
    EventFactory(slug="webinar", venue="", online_url="https://example.org/live?a=1&b=2")
    [event] = parse(visitor.get("/events/webinar/event.ics")).events
    assert str(event["LOCATION"]) == "https://example.org/live?a=1&b=2"


@pytest.mark.parametrize("saved", ["with the model", "around it"])
def test_control_characters_never_break_calendar_files(visitor, seminar, saved):
    hostile = {"title": CONTROL, "venue": CONTROL, "summary": CONTROL}
    if saved == "with the model":
        for name, value in hostile.items():
            setattr(seminar, name, value)
        seminar.save()
        seminar.refresh_from_db()
        assert not set(seminar.title) & CONTROL_CHARACTERS
    else:
        type(seminar).objects.filter(pk=seminar.pk).update(
            **{name: STORABLE_CONTROL for name in hostile}
        )
    seminar.speakers.update(name=STORABLE_CONTROL, affiliation=STORABLE_CONTROL)

    for url in ("/events/ports-and-power/event.ics", "/events/calendar.ics"):
        response = visitor.get(url)
        assert_lines_clean(response.content.decode())
        [event] = parse(response).events
        assert str(event["SUMMARY"]).startswith("One Two Three Four Five Six")
        assert str(event["SUMMARY"]).endswith("End")
        assert not set(str(event["SUMMARY"])) & CONTROL_CHARACTERS
        assert not set(str(event["LOCATION"])) & CONTROL_CHARACTERS
        assert not set(str(event["DESCRIPTION"])) & CONTROL_CHARACTERS - {"\n"}
        assert "\r" not in response["Content-Disposition"]
