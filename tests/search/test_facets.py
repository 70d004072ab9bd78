"""Facets of a search: counts per type, series, year, category and author, combinable with the
words and with each other, using the same filters as /publications/."""

import re

import pytest

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def facet(html, heading):
    """The (label, count) pairs of one facet, in order, and the chosen labels."""
    section = re.search(rf"<h2>{heading}</h2>\s*<ul>(.*?)</ul>", html, re.S)
    if section is None:
        return []
    return [
        (label, int(count))
        for label, count in re.findall(
            r'<a href="[^"]*"[^>]*>(?:✓ )?([^<]+)</a> <span class="muted">\((\d+)\)</span>',
            section.group(1),
        )
    ]


def facet_link(html, heading, label):
    section = re.search(rf"<h2>{heading}</h2>\s*<ul>(.*?)</ul>", html, re.S).group(1)
    href = re.search(rf'<a href="([^"]*)"[^>]*>(?:✓ )?{re.escape(label)}</a>', section).group(1)
    return href.replace("&amp;", "&")


def test_facets_count_the_results_of_the_words(client, corpus):
    EventFactory(title="Fisheries Forum")

    html = client.get("/search/", {"q": "fisheries"}).content.decode()

    assert "3 results for “fisheries”." in html
    assert facet(html, "Type") == [("Publications", 2), ("Events", 1)]
    assert facet(html, "Series") == [("Commentaries", 1), ("Policy Reports", 1)]
    assert facet(html, "Year") == [("2022", 2)]
    assert facet(html, "Category") == [("Europe", 1), ("Southeast Asia", 1)]  # tree order
    assert facet(html, "Author") == [("Tan Wei Ling", 2)]


def test_facet_links_narrow_and_combine(client, corpus):
    html = client.get("/search/", {"q": "fisheries"}).content.decode()
    by_series = client.get("/search/" + facet_link(html, "Series", "Policy Reports"))
    narrowed = by_series.content.decode()
    by_category = client.get("/search/" + facet_link(narrowed, "Category", "Southeast Asia"))

    assert "1 result for “fisheries”." in narrowed
    assert ">Fisheries Cooperation in the Gulf of Thailand</a>" in narrowed
    assert facet(narrowed, "Series") == [("Policy Reports", 1)]
    assert 'aria-current="true">✓ Policy Reports</a>' in narrowed
    assert "1 result for “fisheries”." in by_category.content.decode()


def test_facets_are_the_publication_list_filters(client, corpus):
    params = {"q": "fisheries", "series": "commentaries", "category": "regions/europe"}

    html = client.get("/search/", params).content.decode()
    listing = client.get("/publications/", {k: v for k, v in params.items() if k != "q"})

    assert "1 result for “fisheries”." in html
    assert ">Europe’s Energy Transition</a>" in html
    assert "Europe’s Energy Transition" in listing.content.decode()


def test_facets_by_year_and_author(client, corpus):
    params = {"year": "2022", "author": "tan-wei-ling", "series": "policy-reports"}
    found = client.get("/search/", {"q": "fisheries", **params}).content.decode()
    assert "1 result for" in found
    html = client.get("/search/", {"q": "Lavrov", "year": "2022"}).content.decode()
    assert "Nothing matches “Lavrov”." in html


def test_facet_of_a_category_counts_its_subcategories(client, corpus):
    html = client.get("/search/", {"q": "fisheries", "category": "regions"}).content.decode()

    assert "2 results for “fisheries”." in html


def test_type_facet_keeps_to_one_kind(client, corpus):
    EventFactory(title="Fisheries Forum", slug="fisheries-forum")

    html = client.get("/search/", {"q": "fisheries", "type": "event"}).content.decode()

    assert "1 result for “fisheries”." in html
    assert ">Fisheries Forum</a>" in html
