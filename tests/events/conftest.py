import datetime
import re

import pytest
import time_machine

from tests.factories import CentreFactory, EventFactory

UTC = datetime.UTC
# Monday 2 March 2026, 12:00 in Singapore.
NOW = datetime.datetime(2026, 3, 2, 4, 0, tzinfo=UTC)


def at(days, hour=2, minute=0):
    """A moment ``days`` after NOW's day, at ``hour``:``minute`` UTC (10:00 SGT by default)."""
    return datetime.datetime(2026, 3, 2, hour, minute, tzinfo=UTC) + datetime.timedelta(days)


@pytest.fixture
def clock():
    """Time stands still at NOW for the whole test."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def idss(db):
    return CentreFactory(name="Institute of Defence and Strategic Studies", acronym="IDSS",
                         slug="idss")  # fmt: skip


@pytest.fixture
def cms(db):
    return CentreFactory(name="Centre for Multilateralism Studies", acronym="CMS", slug="cms")


@pytest.fixture
def programme(clock, site_facts, idss, cms):
    """Three upcoming and three past public events, a draft, across kinds, centres and years."""
    return {
        "soon": EventFactory(title="Soon Seminar", start=at(1), centre=idss),
        "under way": EventFactory(
            title="Course Under Way", kind="course", start=at(-1), end=at(2), centre=cms
        ),
        "later": EventFactory(title="Later Lecture", kind="lecture", start=at(40), centre=idss),
        "recent": EventFactory(title="Recent Roundtable", kind="roundtable", start=at(-3)),
        "older": EventFactory(title="Older Seminar", start=at(-20), centre=cms),
        "last year": EventFactory(
            title="Last Year Workshop", kind="workshop", start=at(-100), centre=idss
        ),  # fmt: skip
        "draft": EventFactory(title="Secret Draft", start=at(5), status="draft"),
    }


def card_titles(html, section):
    """Titles of the event cards in the ``section`` (“upcoming” or “past”) of a list page."""
    start = html.index(f'id="{section}"')
    end = html.index("</section>", start)
    return re.findall(
        r'class="pub-card__title"><a href="[^"]+">(?:<strong[^>]*>[^<]*</strong> )?([^<]+)</a>',
        html[start:end],
    )
