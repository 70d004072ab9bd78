"""What the events list says about itself: its title and the summary of the chosen filters."""

import re

import pytest

from tests.events.conftest import at
from tests.factories import EventFactory


def page_title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def summary(html):
    found = re.search(r'<p class="muted" aria-live="polite">([^<]*)</p>', html)
    return found.group(1) if found else None


@pytest.mark.parametrize(
    ("query", "title", "said"),
    [
        ("", "Events | RSIS", None),
        ("?kind=seminar", "Events: Seminars | RSIS", "Showing seminars."),
        ("?centre=idss", "Events: Events organised by Institute of Defence and Strategic "
         "Studies | RSIS", "Showing events organised by Institute of Defence and Strategic "
         "Studies."),
        ("?year=2025", "Events: Events in 2025 | RSIS", "Showing events in 2025."),
        ("?kind=workshop&centre=idss&year=2025",
         "Events: Workshops organised by Institute of Defence and Strategic Studies in 2025 "
         "| RSIS",
         "Showing workshops organised by Institute of Defence and Strategic Studies in 2025."),
    ],
)  # fmt: skip
def test_events_list_title_and_summary_name_the_filters(visitor, programme, query, title, said):
    html = visitor.get(f"/events/{query}").content.decode()
    assert page_title(html) == title
    assert summary(html) == said


def test_pages_of_the_events_lists_have_titles_of_their_own(visitor, clock, site_facts):
    for n in range(12):
        EventFactory(title=f"Future {n:02d}", start=at(n + 1))
        EventFactory(title=f"Gone {n:02d}", start=at(-n - 1))
    titles = [
        page_title(visitor.get(f"/events/{query}").content.decode())
        for query in ("", "?upcoming_page=2", "?past_page=2", "?upcoming_page=2&past_page=2")
    ]
    assert titles == [
        "Events | RSIS",
        "Events (upcoming events page 2) | RSIS",
        "Events (past events page 2) | RSIS",
        "Events (upcoming events page 2, past events page 2) | RSIS",
    ]
    assert page_title(visitor.get("/events/?kind=seminar&past_page=2").content.decode()) == (
        "Events: Seminars (past events page 2) | RSIS"
    )
