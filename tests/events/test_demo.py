import pytest
from django.utils import timezone

from events.demo import events_demo_data, events_load_demo
from events.models import Event
from tests.factories import PersonFactory, PublicationFactory, SeriesFactory


@pytest.fixture
def demo_events(clock, site_facts):
    return events_load_demo()


def test_demo_events_span_past_and_future_and_load_once(demo_events, visitor):
    assert demo_events == len(events_demo_data()) == 12
    assert events_load_demo() == 0
    now = timezone.now()
    public = Event.objects.public()
    assert public.upcoming(now).count() >= 5 and public.past(now).count() >= 4
    assert set(Event.objects.values_list("status", flat=True)) == {
        "published", "cancelled", "postponed"
    }  # fmt: skip
    webinar = Event.objects.get(kind="webinar")
    assert webinar.online_url and not webinar.venue
    for event in Event.objects.all():
        event.full_clean()
        assert visitor.get(event.get_absolute_url()).status_code == 200
        assert visitor.get(f"{event.get_absolute_url()}event.ics").status_code == 200
    assert visitor.get("/events/").status_code == 200


def test_demo_skips_missing_people_and_centres(clock, site_facts):
    PersonFactory(slug="chris-cheang", name="Chris Cheang")
    events_load_demo()
    webinar = Event.objects.get(slug="russia-asia-pivot-revisited-webinar")
    assert [s.display_name for s in webinar.speakers.all()] == ["Chris Cheang", "Dr Irina Sokolova"]
    assert webinar.centre is None  # no centres loaded
    assert list(Event.objects.get(slug="executive-course-national-security-strategy")
                .speakers.all()) == []  # fmt: skip


def test_demo_links_an_event_report_when_one_exists(clock, site_facts):
    reports = SeriesFactory(slug="event-reports", name="Commemorative / Event Reports")
    report = PublicationFactory(series=reports, title="Report of the Malacca Strait workshop")
    events_load_demo()
    event = Event.objects.get(slug="maritime-domain-awareness-malacca-strait")
    assert list(event.related_publications.all()) == [report]
    assert event.end < timezone.now()


def test_full_demo_loads_events(demo_content, visitor):
    # load_demo calls events_load_demo() once the shared command is wired; load it here too.
    events_load_demo()
    assert Event.objects.filter(centre__slug="idss").exists()
    assert Event.objects.filter(speakers__person__slug="kenji-watanabe").exists()
    assert visitor.get("/events/").status_code == 200
