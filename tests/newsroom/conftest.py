import datetime

import pytest

from tests.factories import MediaItemFactory, PersonFactory

WATCH_URL = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
PLAYER_URL = "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"


@pytest.fixture
def chris(db):
    return PersonFactory(
        name="Chris Cheang",
        sort_name="Cheang, Chris",
        slug="chris-cheang",
        position="Senior Fellow",
    )


@pytest.fixture
def farah(db):
    return PersonFactory(
        name="Farah Aziz",
        sort_name="Aziz, Farah",
        slug="farah-aziz",
        position="Associate Professor",
    )


@pytest.fixture
def highlight(site_facts, chris, farah):
    """Outside coverage quoting two of our people (listed, no page of its own)."""
    item = MediaItemFactory(
        title="Russia courts Southeast Asia",
        slug="russia-courts-southeast-asia",
        date=datetime.date(2021, 7, 12),
        outlet="Eurasia Monitor",
        original_title="Kremlin Looks East",
        url="https://example.org/kremlin-looks-east",
        summary="Moscow presents itself as a partner that takes no side.",
    )
    item.people.set([farah, chris])
    return item


@pytest.fixture
def release(site_facts, chris):
    item = MediaItemFactory(
        kind="news-releases",
        title="RSIS starts a programme",
        slug="rsis-starts-a-programme",
        date=datetime.date(2025, 1, 15),
        outlet="",
        original_title="",
        url="",
        summary="A new programme on food security.",
        body="<p>Release text.</p>",
    )
    item.people.set([chris])
    return item


@pytest.fixture
def video(site_facts, chris):
    item = MediaItemFactory(
        kind="videos",
        title="Vidcast: Russia and ASEAN",
        slug="vidcast-russia-asean",
        date=datetime.date(2024, 11, 5),
        outlet="YouTube",
        original_title="",
        url=WATCH_URL,
        embed_url=PLAYER_URL,
        summary="A conversation on Russia in Southeast Asia.",
    )
    item.people.set([chris])
    return item


def make_items(kind, n, *, people=(), start=datetime.date(2020, 1, 1), **kwargs):
    """``n`` public items of ``kind`` on consecutive days from ``start``, oldest first."""
    items = []
    for i in range(n):
        item = MediaItemFactory(kind=kind, date=start + datetime.timedelta(i), **kwargs)
        if people:
            item.people.set(people)
        items.append(item)
    return items
