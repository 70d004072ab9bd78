import datetime

import pytest
from django.core.exceptions import ValidationError

from events.dates import when_text
from events.models import Event, EventSpeaker
from tests.events.conftest import NOW, at
from tests.factories import EventFactory, PersonFactory

UTC = datetime.UTC


def test_event_clean_rejects_end_before_start(db):
    event = EventFactory.build(start=at(2), end=at(1))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["end"] == ["The event cannot end before it starts."]
    EventFactory.build(start=at(2), end=at(2)).full_clean()  # a zero-length event is fine


def test_speaker_is_staff_or_named_guest_not_both(db):
    event = EventFactory()
    person = PersonFactory()
    EventSpeaker(event=event, person=person).full_clean()
    EventSpeaker(event=event, name="Jane Roe", affiliation="U").full_clean()
    for bad in (
        EventSpeaker(event=event),
        EventSpeaker(event=event, name="   "),
        EventSpeaker(event=event, person=person, name="Jane Roe"),
    ):
        with pytest.raises(ValidationError):
            bad.full_clean()


def test_public_upcoming_and_past(clock, db):
    ended_now = EventFactory(start=NOW - datetime.timedelta(hours=1), end=NOW)
    EventFactory(status="draft")
    cancelled = EventFactory(status="cancelled", start=at(3))
    assert set(Event.objects.public()) == {ended_now, cancelled}
    assert list(Event.objects.public().upcoming()) == [ended_now, cancelled]  # end >= now
    assert list(Event.objects.public().past(NOW + datetime.timedelta(microseconds=1))) == [
        ended_now
    ]


def test_registration_open_until_deadline_or_end(clock, db):
    event = EventFactory.build(
        start=at(3), registration_url="https://example.org/r", registration_deadline=at(2)
    )
    assert event.registration_open(at(2) - datetime.timedelta(seconds=1))
    assert not event.registration_open(at(2))
    event.registration_deadline = None
    assert event.registration_open(event.end - datetime.timedelta(seconds=1))
    assert not event.registration_open(event.end)
    event.status = "postponed"
    assert not event.registration_open(NOW)


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ((2026, 3, 10, 1, 30), (2026, 3, 10, 3, 0), "Tuesday 10 March 2026, 09:30–11:00 SGT"),
        # 16:30 UTC is past midnight in Singapore: the next day.
        ((2026, 3, 10, 16, 30), (2026, 3, 10, 18, 0), "Wednesday 11 March 2026, 00:30–02:00 SGT"),
        ((2026, 3, 10, 1, 0), (2026, 3, 12, 9, 0),
         "Tuesday 10 March 2026, 09:00 – Thursday 12 March 2026, 17:00 SGT"),
    ],
)  # fmt: skip
def test_when_text_is_in_singapore_time(start, end, text):
    start, end = datetime.datetime(*start, tzinfo=UTC), datetime.datetime(*end, tzinfo=UTC)
    assert when_text(start, end) == text
