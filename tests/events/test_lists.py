import datetime

import pytest
import time_machine

from tests.events.conftest import NOW, at, card_titles
from tests.factories import EventFactory

UPCOMING = ["Course Under Way", "Soon Seminar", "Later Lecture"]
PAST = ["Recent Roundtable", "Older Seminar", "Last Year Workshop"]


def test_list_shows_upcoming_soonest_first_then_past_latest_first(visitor, programme):
    response = visitor.get("/events/")
    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(html, "upcoming") == UPCOMING
    assert card_titles(html, "past") == PAST
    assert html.index('id="upcoming"') < html.index('id="past"')
    assert "Secret Draft" not in html
    assert "Happening now" in html  # the course that started yesterday


def test_event_moves_to_past_once_it_ends(visitor, programme, clock):
    end = programme["soon"].end
    clock.move_to(end)
    assert "Soon Seminar" in card_titles(visitor.get("/events/").content.decode(), "upcoming")
    clock.move_to(end + datetime.timedelta(seconds=1))
    html = visitor.get("/events/").content.decode()
    assert card_titles(html, "upcoming") == ["Course Under Way", "Later Lecture"]
    assert card_titles(html, "past") == ["Soon Seminar", *PAST]


def test_list_links_feeds_and_calendar_in_head(visitor, programme):
    html = visitor.get("/events/").content.decode()
    head = html[: html.index("</head>")]
    assert '<link rel="alternate" type="application/rss+xml"' in head
    assert 'href="/feeds/events/rss/"' in head
    assert 'type="application/atom+xml"' in head and 'href="/feeds/events/atom/"' in head
    assert 'type="text/calendar"' in head and 'href="/events/calendar.ics"' in head
    assert '<link rel="canonical" href="http://testserver/events/">' in head


@pytest.mark.parametrize(
    ("query", "upcoming", "past"),
    [
        ("?kind=seminar", ["Soon Seminar"], ["Older Seminar"]),
        ("?kind=course", ["Course Under Way"], []),
        ("?centre=idss", ["Soon Seminar", "Later Lecture"], ["Last Year Workshop"]),
        ("?centre=cms", ["Course Under Way"], ["Older Seminar"]),
        ("?year=2025", [], ["Last Year Workshop"]),
        ("?year=2026", UPCOMING, PAST[:2]),
        ("?year=2026&centre=idss", ["Soon Seminar", "Later Lecture"], []),
        ("?kind=seminar&centre=cms&year=2026", [], ["Older Seminar"]),
        ("?kind=webinar", [], []),
        ("?kind=&centre=&year=", UPCOMING, PAST),  # the form's “any” choices
        ("?unknown=1", UPCOMING, PAST),
    ],
)
def test_list_filters_combine(visitor, programme, query, upcoming, past):
    response = visitor.get(f"/events/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(html, "upcoming") == upcoming
    assert card_titles(html, "past") == past


def test_year_is_the_singapore_year(visitor, clock, site_facts):
    # 31 December 2025, 17:00 UTC is already 1 January 2026 in Singapore.
    new_year = datetime.datetime(2025, 12, 31, 17, tzinfo=datetime.UTC)
    EventFactory(title="New Year Talk", start=new_year)
    assert card_titles(visitor.get("/events/?year=2026").content.decode(), "past") == [
        "New Year Talk"
    ]
    assert card_titles(visitor.get("/events/?year=2025").content.decode(), "past") == []


def test_filter_form_offers_kinds_centres_and_years(visitor, programme):
    html = visitor.get("/events/?centre=idss").content.decode()
    assert '<option value="idss" selected>' in html
    assert '<option value="roundtable">Roundtable</option>' in html
    assert '<option value="2025">2025</option>' in html
    assert 'href="/events/">Clear filters</a>' in html


@pytest.fixture
def many(clock, site_facts):
    """25 upcoming and 23 past events, one a day."""
    upcoming = [EventFactory(title=f"Future {n:02d}", start=at(n + 1)) for n in range(25)]
    past = [EventFactory(title=f"Gone {n:02d}", start=at(-n - 1)) for n in range(23)]
    return upcoming, past


def test_upcoming_and_past_are_paginated_separately(visitor, many):
    upcoming, past = many
    first = visitor.get("/events/").content.decode()
    assert card_titles(first, "upcoming") == [e.title for e in upcoming[:10]]
    assert card_titles(first, "past") == [e.title for e in past[:10]]
    assert 'href="?upcoming_page=2#upcoming"' in first
    assert 'href="?past_page=2#past"' in first
    both = visitor.get("/events/?upcoming_page=3&past_page=2").content.decode()
    assert card_titles(both, "upcoming") == [e.title for e in upcoming[20:]]
    assert card_titles(both, "past") == [e.title for e in past[10:20]]
    # Each list's links keep the other list's page.
    assert 'href="?past_page=2&amp;upcoming_page=2#upcoming"' in both
    assert 'href="?upcoming_page=3&amp;past_page=3#past"' in both
    assert (
        '<link rel="canonical" href="http://testserver/events/?upcoming_page=3&amp;past_page=2">'
        in both
    )
    assert card_titles(visitor.get("/events/?past_page=3").content.decode(), "past") == [
        e.title for e in past[20:]
    ]
    assert visitor.get("/events/?past_page=4").status_code == 404
    assert visitor.get("/events/?upcoming_page=4").status_code == 404


def test_pagination_keeps_filters(visitor, many):
    html = visitor.get("/events/?kind=seminar&year=2026").content.decode()
    assert 'href="?kind=seminar&amp;year=2026&amp;upcoming_page=2#upcoming"' in html


def test_empty_list_says_so(visitor, site_facts):
    response = visitor.get("/events/")
    assert response.status_code == 200
    assert "No events are scheduled at the moment." in response.content.decode()
    assert visitor.get("/events/?upcoming_page=1&past_page=1").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "?upcoming_page=abc",
        "?past_page=999999",
        "?upcoming_page=0",
        "?past_page=-1",
        "?upcoming_page=1.5",
        "?upcoming_page=%C2%B2",  # superscript two
        "?upcoming_page=%D9%A1",  # Arabic-Indic one: int() would take it
        "?upcoming_page=%201",
        "?upcoming_page=1&upcoming_page=1",
        "?past_page=" + "9" * 5000,
        "?past_page=1%00",
        "?year=0",
        "?year=abc",
        "?year=99999",
        "?year=%C2%B2%C2%B2%C2%B2%C2%B2",  # “²²²²”
        "?year=%D9%A2%D9%A0%D9%A2%D9%A6",  # 2026 in Arabic-Indic digits
        "?year=2026&year=2025",
        "?kind=party",
        "?kind=Seminar",
        "?kind=seminar%00",
        "?centre=nowhere",
        "?centre=" + "c" * 5000,
        "?centre=idss%00",
        "?kind=" + "<script>alert(1)</script>",
        "?centre=idss'%20OR%201=1--",
    ],
)
def test_bad_list_parameters_get_404_never_500(visitor, programme, query):
    response = visitor.get(f"/events/{query}")
    assert response.status_code == 404


def test_known_centre_without_events_is_an_empty_list(visitor, programme):
    from tests.factories import CentreFactory

    CentreFactory(slug="srp")
    response = visitor.get("/events/?centre=srp")
    assert response.status_code == 200
    assert card_titles(response.content.decode(), "upcoming") == []


def test_list_is_refreshed_when_an_event_is_saved(visitor, programme):
    assert "Renamed" not in visitor.get("/events/").content.decode()
    programme["later"].title = "Renamed Lecture"
    programme["later"].save()
    assert "Renamed Lecture" in card_titles(visitor.get("/events/").content.decode(), "upcoming")


def test_queryset_split_matches_definition(programme):
    from events.models import Event

    upcoming = list(Event.objects.public().upcoming(NOW).values_list("title", flat=True))
    past = list(Event.objects.public().past(NOW).values_list("title", flat=True))
    assert upcoming == UPCOMING
    assert past == PAST
    with time_machine.travel(programme["soon"].end, tick=False):
        assert "Soon Seminar" in Event.objects.public().upcoming().values_list("title", flat=True)
