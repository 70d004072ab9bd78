"""The content generation ends by itself when an event starts, ends or closes registration."""

import datetime

from core.content_cache import current_generation
from events.services import JUST_AFTER, next_event_change
from tests.events.conftest import NOW, at
from tests.factories import EventFactory


def test_next_change_is_the_soonest_start_end_or_deadline(clock, db):
    assert next_event_change() is None
    under_way = EventFactory(start=at(-1), end=at(0, hour=6))  # ends 14:00 SGT today
    EventFactory(start=at(1))
    EventFactory(start=at(-10))  # long over: never again a deadline
    EventFactory(start=at(0, hour=5), status="draft")  # drafts do not count
    assert next_event_change() == under_way.end + JUST_AFTER
    EventFactory(
        start=at(3),
        registration_url="https://example.org/r",
        registration_deadline=NOW + datetime.timedelta(minutes=30),
    )
    assert next_event_change() == NOW + datetime.timedelta(minutes=30)


def test_generation_ends_when_an_event_ends(clock, db):
    event = EventFactory(start=at(-1), end=NOW + datetime.timedelta(hours=2))
    EventFactory(start=at(5))
    before = current_generation()
    assert before.endswith(f"@{(event.end + JUST_AFTER).timestamp()}")
    assert current_generation() == before
    clock.move_to(event.end)
    assert current_generation() == before  # still upcoming at its last moment
    clock.move_to(event.end + datetime.timedelta(seconds=1))
    after = current_generation()
    assert after != before
    assert after.endswith(f"@{at(5).timestamp()}")  # next: the other event starts


def test_upcoming_list_changes_without_any_save(visitor, clock, site_facts):
    EventFactory(title="Ending Soon", start=at(-1), end=NOW + datetime.timedelta(hours=1))
    assert "Ending Soon" in visitor.get("/").content.decode()  # the home page helper
    html = visitor.get("/events/").content.decode()
    assert html.index("Ending Soon") < html.index('id="past"')
    clock.move_to(NOW + datetime.timedelta(hours=1, seconds=1))
    assert "Ending Soon" not in visitor.get("/").content.decode()
    html = visitor.get("/events/").content.decode()
    assert html.index("Ending Soon") > html.index('id="past"')
