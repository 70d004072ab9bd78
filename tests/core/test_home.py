import datetime
import re

import pytest
from django.utils import timezone

from publications.models import HomeFeature
from publications.services import publication_publish
from tests.factories import EventFactory, MediaItemFactory, PublicationFactory, SeriesFactory


@pytest.fixture
def home_content(site_facts):
    commentaries = SeriesFactory(
        name="Commentaries", slug="commentaries", code_prefix="CO", on_home_page=True
    )
    books = SeriesFactory(
        name="Books", item_name="Book", slug="books", code_prefix="BK", sidebar_teaser=True
    )
    items = [
        PublicationFactory(series=commentaries, title=f"Commentary {n}",
                           publication_date=datetime.date(2024, 1, 1) + datetime.timedelta(n))
        for n in range(7)
    ]  # fmt: skip
    book = PublicationFactory(
        series=books, title="A New Book", publication_date=datetime.date(2023, 5, 5)
    )
    soon = EventFactory(title="Soon Seminar", start=timezone.now() + datetime.timedelta(days=2))
    EventFactory(title="Finished Forum", start=timezone.now() - datetime.timedelta(days=2))
    EventFactory(title="Hidden Draft Event", status="draft")
    MediaItemFactory(title="Coverage Piece")
    MediaItemFactory(title="Unpublished Coverage", status="draft")
    return {"commentaries": commentaries, "items": items, "book": book, "soon": soon}


def section(html, title_id):
    start = html.index(f'id="{title_id}"')
    return html[start : html.index("</section>", start)]


def test_home_shows_latest_when_nothing_is_featured(visitor, home_content):
    html = visitor.get("/").content.decode()
    featured = section(html, "featured-title")
    assert "Commentary 6" in featured
    latest = re.findall(r'pub-card__title"><a [^>]+>([^<]+)<', section(html, "latest-commentaries"))
    assert latest == [
        "Commentary 5",
        "Commentary 4",
        "Commentary 3",
        "Commentary 2",
        "Commentary 1",
    ]
    assert "A New Book" in section(html, "home-teaser")
    events = section(html, "home-events")
    assert (
        "Soon Seminar" in events and "Finished Forum" not in events and "Hidden Draft" not in events
    )
    assert "SGT" in events
    media = section(html, "home-media")
    assert "Coverage Piece" in media and "Unpublished Coverage" not in media


def test_editors_choose_and_order_the_features(visitor, home_content):
    first, second = home_content["items"][1], home_content["items"][3]
    HomeFeature.objects.create(publication=second, order=1)
    HomeFeature.objects.create(publication=first, order=0)
    draft = PublicationFactory(
        series=home_content["commentaries"], status="draft", published_at=None
    )
    HomeFeature.objects.create(publication=draft, order=2)
    featured = section(visitor.get("/").content.decode(), "featured-title")
    titles = re.findall(r'feature__title"><a [^>]+>([^<]+)<', featured)
    assert titles == ["Commentary 1", "Commentary 3"]


def test_home_is_refreshed_when_something_shown_changes(visitor, home_content):
    assert "Brand New Commentary" not in visitor.get("/").content.decode()
    item = PublicationFactory(
        series=home_content["commentaries"], title="Brand New Commentary", status="draft",
        published_at=None, publication_date=None,
    )  # fmt: skip
    assert "Brand New Commentary" not in visitor.get("/").content.decode()
    publication_publish(publication=item)
    assert "Brand New Commentary" in section(visitor.get("/").content.decode(), "featured-title")
    home_content["soon"].status = "cancelled"
    home_content["soon"].save()
    assert "Cancelled" in section(visitor.get("/").content.decode(), "home-events")


@pytest.mark.parametrize("volume", [1, 40])
def test_home_query_count_does_not_grow(
    visitor, home_content, volume, django_assert_max_num_queries
):
    for n in range(volume):
        PublicationFactory(series=home_content["commentaries"])
        EventFactory(start=timezone.now() + datetime.timedelta(days=3 + n))
        MediaItemFactory()
    visitor.get("/about-rsis/")  # warm the site facts and menu of the new generation
    with django_assert_max_num_queries(10):
        assert visitor.get("/").status_code == 200
    with django_assert_max_num_queries(0):
        visitor.get("/")
