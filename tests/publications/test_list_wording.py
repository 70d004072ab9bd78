"""What a publication list says about itself: its title, the summary of the chosen filters, a
category given by its own slug, and what an empty series or category says."""

import re

import pytest

from tests.factories import CategoryFactory, PublicationFactory, SeriesFactory
from tests.publications.conftest import make_public
from tests.publications.test_lists import (  # catalogue: a fixture every test here uses
    ALL,
    catalogue,  # noqa: F401
    titles,
)

pytestmark = pytest.mark.usefixtures("catalogue")


def page_title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def summary(response):
    html = response.content.decode()
    return re.search(r'<p class="muted" aria-live="polite">([^<]*?)\s*(?:<a |</p>)', html).group(1)


def canonical(response):
    return re.search(r'<link rel="canonical" href="([^"]*)">', response.content.decode()).group(1)


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("/publications/", "RSIS Publications | RSIS"),
        ("/publications/?series=commentaries",
         "RSIS Publications in Commentaries | RSIS"),
        ("/publications/?year=2021", "RSIS Publications from 2021 | RSIS"),
        ("/publications/?category=europe",
         "RSIS Publications about Europe | RSIS"),
        ("/publications/?author=chris-cheang",
         "RSIS Publications by Chris Cheang | RSIS"),
        ("/publications/?tag=maritime",
         "RSIS Publications tagged “Maritime” | RSIS"),
        ("/publications/?q=europe",
         "RSIS Publications with the words “europe” | RSIS"),
        ("/publications/commentaries/", "Commentaries | RSIS"),
        ("/publications/commentaries/?year=2020", "Commentaries from 2020 | RSIS"),
        ("/publications/year/2021/", "RSIS Publications for 2021 | RSIS"),
        ("/publications/year/2022/", "RSIS Publications for 2022 | RSIS"),
        ("/publications/year/2022/?category=southeast-asia-and-asean",
         "RSIS Publications for 2022 about Southeast Asia and ASEAN | RSIS"),
        ("/categories/country-and-region-studies/", "Country and Region Studies | RSIS"),
        ("/categories/country-and-region-studies/?series=policy-reports",
         "Country and Region Studies in Policy Reports | RSIS"),
        ("/tags/maritime/", "Tagged “Maritime” | RSIS"),
    ],
)  # fmt: skip
def test_list_title_names_the_chosen_filters(visitor, address, expected):
    response = visitor.get(address)
    assert response.status_code == 200
    assert page_title(response) == expected


def test_later_pages_of_a_list_have_titles_of_their_own(visitor, commentaries, site_facts):
    make_public(commentaries, 45)
    titles_seen = [
        page_title(visitor.get(address))
        for address in (
            "/publications/",
            "/publications/?page=2",
            "/publications/?page=3",
            "/publications/commentaries/?page=2",
        )
    ]
    assert titles_seen == [
        "RSIS Publications | RSIS",
        "RSIS Publications (page 2) | RSIS",
        "RSIS Publications (page 3) | RSIS",
        "Commentaries (page 2) | RSIS",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "4 publications."),
        ("?series=commentaries&series=policy-reports",
         "4 publications in Commentaries or Policy Reports."),
        ("?author=chris-cheang&year=2020&series=commentaries",
         "1 publication in Commentaries, from 2020, by Chris Cheang."),
        ("?category=country-and-region-studies/southeast-asia-and-asean"
         "&category=country-and-region-studies/europe&category=international-political-economy",
         "2 publications about Europe or Southeast Asia and ASEAN, "
         "about International Political Economy."),
        ("?tag=maritime&q=ports", "1 publication tagged “Maritime”, with the words “ports”."),
        ("?series=policy-reports&year=2021", "0 publications in Policy Reports, from 2021."),
    ],
)  # fmt: skip
def test_list_summary_names_the_filters_not_their_slugs(visitor, query, expected):
    assert summary(visitor.get(f"/publications/{query}")) == expected


def test_category_may_be_given_by_its_own_slug(visitor):
    by_slug = visitor.get("/publications/?category=europe")
    by_path = visitor.get("/publications/?category=country-and-region-studies/europe")
    assert by_slug.status_code == 200
    assert titles(by_slug) == titles(by_path) == [ALL[1], ALL[3]]
    html = by_slug.content.decode()
    assert '<option value="country-and-region-studies/europe" selected>' in html
    # One address for the list, whichever way it was asked for.
    expected = "http://testserver/publications/?category=country-and-region-studies%2Feurope"
    assert canonical(by_slug) == canonical(by_path) == expected
    both = visitor.get("/publications/?category=europe&category=country-and-region-studies/europe")
    assert canonical(both) == canonical(by_path)
    # A top-level category's slug is its path.
    assert titles(visitor.get("/publications/?category=international-political-economy")) == [
        ALL[1],
        ALL[3],
    ]
    # The search page's facets read the same filter.
    assert visitor.get("/search/?q=europe&category=europe").status_code == 200


def test_slug_shared_by_two_categories_must_be_given_by_path(visitor, regions):
    CategoryFactory(name="Europe", slug="europe", parent=regions["ipe"])
    response = visitor.get("/publications/?category=europe")
    assert response.status_code == 404
    assert visitor.get("/publications/?category=country-and-region-studies/europe").status_code == (
        200
    )


@pytest.mark.parametrize(
    "value",
    [
        "nope",
        "Europe",
        "europe/",
        "/europe",
        "country-and-region-studies//europe",
        "europe/country-and-region-studies",
        "southeast-asia-and-asean/europe",
        "europe%00",
        "e" * 300,
    ],
)
def test_unknown_category_values_get_404(visitor, value):
    assert visitor.get(f"/publications/?category={value}").status_code == 404


def test_series_with_nothing_public_says_so(visitor, site_facts):
    SeriesFactory(name="Monographs", item_name="Monograph", slug="monographs", code_prefix="MO")
    PublicationFactory(
        series=SeriesFactory(name="Books", item_name="Book", slug="books", code_prefix="BK"),
        status="draft",
        published_at=None,
    )
    for address in ("/publications/monographs/", "/publications/books/"):
        html = visitor.get(address).content.decode()
        assert '<p class="notice">No items have been published in this series yet.</p>' in html
        assert "No publications match these filters." not in html
    # Filters that leave nothing in a series with items still say so.
    html = visitor.get("/publications/commentaries/?year=2022").content.decode()
    assert '<p class="notice">No publications match these filters.</p>' in html
    html = visitor.get("/publications/?series=monographs").content.decode()
    assert '<p class="notice">No publications match these filters.</p>' in html


def test_category_with_nothing_public_says_so(visitor, regions):
    CategoryFactory(name="Americas", slug="americas", parent=regions["axis"])
    html = visitor.get("/categories/country-and-region-studies/americas/").content.decode()
    assert '<p class="notice">Nothing has been published in this category yet.</p>' in html
