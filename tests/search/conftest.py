import datetime

import pytest
from django.db import connection

from tests.factories import (
    AuthorshipFactory,
    CategoryFactory,
    PersonFactory,
    PublicationFactory,
    SeriesFactory,
)

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="full-text search, stemming, ranking and trigram corrections need PostgreSQL",
)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="tests the plainer SQLite fallback"
)


@pytest.fixture
def corpus(about_section):
    """A small known set: two series, two categories under one axis, two authors."""
    commentaries = SeriesFactory(
        name="Commentaries", slug="commentaries", code_prefix="CO", item_name="RSIS Commentary"
    )
    reports = SeriesFactory(
        name="Policy Reports", slug="policy-reports", code_prefix="PR", item_name="Policy Report"
    )
    regions = CategoryFactory(name="Regions", slug="regions")
    asean = CategoryFactory(name="Southeast Asia", slug="southeast-asia", parent=regions)
    europe = CategoryFactory(name="Europe", slug="europe", parent=regions)
    cheang = PersonFactory(name="Chris Cheang", sort_name="Cheang, Chris", slug="chris-cheang")
    tan = PersonFactory(name="Tan Wei Ling", sort_name="Tan, Wei Ling", slug="tan-wei-ling")

    lavrov = PublicationFactory(
        series=commentaries,
        code="CO21113",
        title="Russia and Southeast Asia: What Lavrov’s July Visits Mean",
        slug="lavrov-visits",
        synopsis="A goodwill tour of Indonesia and Laos, and remarks on ASEAN.",
        body="<p>The foreign minister visited Jakarta and Vientiane in July.</p>",
        publication_date=datetime.date(2021, 7, 26),
    )
    lavrov.categories.add(asean)
    AuthorshipFactory(publication=lavrov, person=cheang)

    fisheries = PublicationFactory(
        series=reports,
        code="PR22001",
        title="Fisheries Cooperation in the Gulf of Thailand",
        slug="fisheries",
        synopsis="Managing shared fish stocks.",
        body="<p>Illegal fishing strains coastal communities; patrols are navigating "
        "difficult waters.</p>",
        publication_date=datetime.date(2022, 3, 1),
    )
    fisheries.categories.add(asean)
    AuthorshipFactory(publication=fisheries, person=tan)

    energy = PublicationFactory(
        series=commentaries,
        code="CO22040",
        title="Europe’s Energy Transition",
        slug="energy",
        synopsis="Gas, grids and the price of the transition.",
        body="<p>A note on fisheries policy in the North Sea closes the piece.</p>",
        publication_date=datetime.date(2022, 9, 12),
    )
    energy.categories.add(europe)
    AuthorshipFactory(publication=energy, person=tan)
    return {
        "commentaries": commentaries,
        "reports": reports,
        "asean": asean,
        "europe": europe,
        "cheang": cheang,
        "tan": tan,
        "lavrov": lavrov,
        "fisheries": fisheries,
        "energy": energy,
    }
