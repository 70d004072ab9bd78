import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    AuthorshipFactory,
    CategoryFactory,
    PersonFactory,
    PublicationFactory,
)


@pytest.fixture
def regions(db):
    """Country and Region Studies > (Southeast Asia and ASEAN, Europe); Political Economy."""
    axis = CategoryFactory(name="Country and Region Studies", slug="country-and-region-studies")
    sea = CategoryFactory(
        name="Southeast Asia and ASEAN", slug="southeast-asia-and-asean", parent=axis
    )
    europe = CategoryFactory(name="Europe", slug="europe", parent=axis)
    ipe = CategoryFactory(
        name="International Political Economy", slug="international-political-economy"
    )
    return {"axis": axis, "sea": sea, "europe": europe, "ipe": ipe}


@pytest.fixture
def author(db):
    return PersonFactory(
        name="Chris Cheang",
        sort_name="Cheang, Chris",
        slug="chris-cheang",
        short_bio="Chris Cheang is a Senior Fellow at RSIS.",
    )


@pytest.fixture
def lavrov(site_facts, commentaries, regions, author):
    """The seed's commentary, public, with its author, categories and tags."""
    publication = PublicationFactory(
        series=commentaries,
        code="CO21113",
        title="Russia and Southeast Asia: What Lavrov’s July Visits Mean",
        slug="russia-and-southeast-asia",
        publication_date=datetime.date(2021, 7, 26),
        published_at=timezone.make_aware(datetime.datetime(2021, 7, 26, 9)),
        synopsis="A goodwill tour of Indonesia and Laos.",
        body="<h2>Russia-ASEAN Relations</h2><p>Body text.</p>",
        image_credit="Source: flickr, CC BY-NC-SA 2.0",
    )
    AuthorshipFactory(publication=publication, person=author, order=0)
    publication.categories.set([regions["sea"], regions["europe"], regions["ipe"]])
    publication.tags.add("Russia", "ASEAN")
    return publication


def make_public(series, n, **kwargs):
    """``n`` public items of ``series`` on consecutive days of 2021, newest last."""
    return [
        PublicationFactory(
            series=series,
            publication_date=datetime.date(2021, 1, 1) + datetime.timedelta(i),
            **kwargs,
        )
        for i in range(n)
    ]


def bulk_public(series, n, *, category=None, person=None):
    """``n`` public items created in bulk (with an author and a category if given)."""
    from publications.models import Authorship, Publication

    now = timezone.now() - datetime.timedelta(hours=1)
    items = Publication.objects.bulk_create(
        Publication(
            series=series,
            code=f"{series.code_prefix}{10 + i // 999:02d}{1 + i % 999:03d}",
            title=f"Bulk item {i}",
            slug=f"bulk-item-{i}",
            synopsis="Bulk synopsis.",
            publication_date=datetime.date(2010, 1, 1) + datetime.timedelta(days=i % 3000),
            status="published",
            published_at=now,
        )
        for i in range(n)
    )
    if person is not None:
        Authorship.objects.bulk_create(
            Authorship(publication=item, person=person) for item in items
        )
    if category is not None:
        links = Publication.categories.through
        links.objects.bulk_create(links(publication=item, category=category) for item in items)
    return items
