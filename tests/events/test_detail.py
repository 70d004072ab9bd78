import datetime
import json
import re

import pytest

from tests.events.conftest import at
from tests.factories import (
    EventFactory,
    EventSpeakerFactory,
    MenuItemFactory,
    PersonFactory,
    PublicationFactory,
)
from tests.reading import assert_in_order

UTC = datetime.UTC


def breadcrumb_trail(html):
    start = html.index('class="breadcrumbs"')
    return html[start : html.index("</nav>", start)]


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])


@pytest.fixture
def seminar(clock, site_facts, idss):
    """A seminar on 10 March 2026 at 01:30–03:00 UTC, i.e. 09:30–11:00 in Singapore."""
    event = EventFactory(
        title="Ports & Power <in> Asia",
        slug="ports-and-power",
        start=datetime.datetime(2026, 3, 10, 1, 30, tzinfo=UTC),
        end=datetime.datetime(2026, 3, 10, 3, 0, tzinfo=UTC),
        venue="Seminar Room 1, Block S4",
        online_url="https://example.org/live",
        centre=idss,
        summary="Why ports matter.",
        description="<h2>Programme</h2><p>Talks &amp; questions.</p>",
        registration_url="https://example.org/register",
        registration_deadline=datetime.datetime(2026, 3, 8, 9, 0, tzinfo=UTC),
    )
    staff = PersonFactory(name="Farah Aziz", honorific="Dr", slug="farah-aziz",
                          position="Associate Professor")  # fmt: skip
    EventSpeakerFactory(event=event, person=staff, order=0, role="Chair")
    EventSpeakerFactory(
        event=event, person=None, name="Jane Roe", affiliation="Example University", order=1
    )
    return event


def test_detail_shows_times_in_singapore_time_with_the_zone(visitor, seminar):
    html = visitor.get("/events/ports-and-power/").content.decode()
    assert "Tuesday 10 March 2026, 09:30</time>–" in html
    assert '>11:00</time> <abbr title="Singapore time (UTC+8)">SGT</abbr>' in html
    assert '<time datetime="2026-03-10T09:30:00+08:00">' in html
    assert "01:30" not in html


def test_event_over_several_days_shows_both_dates(visitor, clock, site_facts):
    EventFactory(slug="course", start=at(3, hour=1), end=at(5, hour=9))
    html = visitor.get("/events/course/").content.decode()
    assert "Thursday 5 March 2026, 09:00</time> – <time" in html
    assert "Saturday 7 March 2026, 17:00</time> <abbr" in html


def test_detail_has_every_part_in_order(visitor, seminar):
    html = visitor.get("/events/ports-and-power/").content.decode()
    main = html[html.index("<main") :]
    parts = [
        'class="breadcrumbs"',
        "Ports &amp; Power &lt;in&gt; Asia</h1>",
        "09:30",
        "Seminar Room 1, Block S4",
        '<a href="https://example.org/live" rel="noopener">Join or watch online</a>',
        '<a href="/research/idss/">Institute of Defence and Strategic Studies</a>',
        '<a class="button" href="https://example.org/register" rel="noopener">Register</a>',
        "Registration closes <time",
        "Sunday 8 March 2026, 17:00 SGT",
        '<a href="/events/ports-and-power/event.ics" download>Add to calendar</a>',
        "Why ports matter.",
        '<a href="/staff/people/farah-aziz/">Dr Farah Aziz</a>, Associate Professor, RSIS',
        "(Chair)",
        "Jane Roe, Example University",
        "<h2>Programme</h2><p>Talks &amp; questions.</p>",
        "Last updated on",
    ]
    assert_in_order(main, parts)
    assert "This event has been" not in html


def test_breadcrumb_leads_through_events(visitor, seminar):
    html = visitor.get("/events/ports-and-power/").content.decode()
    trail = breadcrumb_trail(html)
    assert re.findall(r"<li[^>]*>(?:<a [^>]+>)?([^<]+)", trail) == [
        "Home", "Events", "Ports &amp; Power &lt;in&gt; Asia"
    ]  # fmt: skip
    # With an “Events” menu item, the crumb comes from the menu, once.
    MenuItemFactory(title="Events", slug="events", kind="section", section="events:index")
    html = visitor.get("/events/ports-and-power/").content.decode()
    trail = breadcrumb_trail(html)
    assert trail.count(">Events</a>") == 1


def test_registration_link_hidden_once_the_deadline_passes(visitor, seminar, clock):
    clock.move_to(seminar.registration_deadline - datetime.timedelta(seconds=1))
    assert "Register</a>" in visitor.get("/events/ports-and-power/").content.decode()
    clock.move_to(seminar.registration_deadline)
    html = visitor.get("/events/ports-and-power/").content.decode()
    assert "https://example.org/register" not in html
    assert "Registration has closed." in html


def test_registration_without_deadline_closes_when_the_event_ends(visitor, seminar, clock):
    seminar.registration_deadline = None
    seminar.save()
    clock.move_to(seminar.start + datetime.timedelta(minutes=5))
    html = visitor.get("/events/ports-and-power/").content.decode()
    assert "Register</a>" in html and "Happening now" in html
    clock.move_to(seminar.end + datetime.timedelta(seconds=1))
    html = visitor.get("/events/ports-and-power/").content.decode()
    assert "https://example.org/register" not in html
    assert "Registration has closed." not in html  # it is simply over
    assert "Past event" in html and "Add to calendar" not in html


@pytest.mark.parametrize(
    ("status", "notice", "schema"),
    [
        ("cancelled", "This event has been cancelled.", "EventCancelled"),
        ("postponed", "This event has been postponed.", "EventPostponed"),
        ("published", None, "EventScheduled"),
    ],
)
def test_cancelled_and_postponed_events_stay_visible_with_a_notice(
    visitor, seminar, status, notice, schema
):
    seminar.status = status
    seminar.save()
    response = visitor.get("/events/ports-and-power/")
    assert response.status_code == 200
    html = response.content.decode()
    if notice:
        main = html[html.index("<main") :]
        assert main.index(notice) < main.index("</h1>")  # before the title: prominent
        assert 'role="alert"' in main
        assert "https://example.org/register" not in html
        assert f"{status.title()}: Ports" in html[: html.index("</title>")]
        listing = visitor.get("/events/").content.decode()
        assert f'<strong class="event-status">{status.title()}:</strong> Ports' in listing
    assert json_ld(html)["eventStatus"] == f"https://schema.org/{schema}"


def test_detail_carries_canonical_opengraph_and_json_ld(visitor, seminar):
    html = visitor.get("/events/ports-and-power/").content.decode()
    assert '<link rel="canonical" href="http://testserver/events/ports-and-power/">' in html
    assert '<meta property="og:title" content="Ports &amp; Power &lt;in&gt; Asia">' in html
    assert '<meta property="og:url" content="http://testserver/events/ports-and-power/">' in html
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1]
    assert "<" not in script and ">" not in script and "&" not in script
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["name"] == "Ports & Power <in> Asia"
    assert data["startDate"] == "2026-03-10T09:30:00+08:00"
    assert data["endDate"] == "2026-03-10T11:00:00+08:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"] == [
        {"@type": "Place", "name": seminar.venue, "address": seminar.venue},
        {"@type": "VirtualLocation", "url": "https://example.org/live"},
    ]
    assert data["organizer"]["url"] == "http://testserver/research/idss/"
    assert data["performer"][0] == {
        "@type": "Person",
        "name": "Dr Farah Aziz",
        "url": "http://testserver/staff/people/farah-aziz/",
    }
    assert data["performer"][1]["affiliation"]["name"] == "Example University"


def test_online_only_event(visitor, clock, site_facts):
    EventFactory(slug="webinar", kind="webinar", venue="", online_url="https://example.org/w")
    html = visitor.get("/events/webinar/").content.decode()
    assert json_ld(html)["location"] == {"@type": "VirtualLocation", "url": "https://example.org/w"}
    assert json_ld(html)["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert "Online</p>" in visitor.get("/events/").content.decode()


def test_former_staff_speaker_is_named_without_a_link(visitor, seminar):
    gone = PersonFactory(name="Vincent Lau", slug="vincent-lau", active=False)
    EventSpeakerFactory(event=seminar, person=gone, order=5)
    html = visitor.get("/events/ports-and-power/").content.decode()
    assert "Vincent Lau" in html
    assert "/staff/people/vincent-lau/" not in html


def test_only_public_related_publications_are_shown(visitor, seminar):
    report = PublicationFactory(title="Event Report: Ports and Power")
    draft = PublicationFactory(title="Unfinished Report", status="draft", published_at=None)
    seminar.related_publications.set([report, draft])
    html = visitor.get("/events/ports-and-power/").content.decode()
    assert "Related publications" in html
    assert f'<a href="{report.get_absolute_url()}">Event Report: Ports and Power</a>' in html
    assert "Unfinished Report" not in html


def test_unknown_or_overlong_slug_is_404(visitor, seminar):
    assert visitor.get("/events/nothing-here/").status_code == 404
    assert visitor.get("/events/" + "x" * 5000 + "/").status_code == 404
    assert visitor.get("/events/nothing-here/event.ics").status_code == 404
    assert visitor.get("/events/bad%00slug/").status_code == 404
    assert visitor.post("/events/ports-and-power/").status_code == 405


def test_staff_preview_a_draft_but_the_public_cannot(visitor, staff_client, seminar):
    seminar.status = "draft"
    seminar.save()
    assert visitor.get("/events/ports-and-power/").status_code == 404
    response = staff_client.get("/events/ports-and-power/")
    assert response.status_code == 200
    assert "Preview." in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
