"""A search counts its matches up to a bound and says so beyond it; the results are still
ranked with the best first, and every page stays within a few statements."""

import datetime
import re

import pytest

from search import facets, views
from tests.factories import PublicationFactory

from .conftest import postgres_only

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.content.decode())


def facet_counts(html, heading):
    section = re.search(rf"<h2>{heading}</h2>\s*<ul>(.*?)</ul>", html, re.S)
    return [int(n) for n in re.findall(r'<span class="muted">\((\d+)\)</span>', section.group(1))]


@pytest.fixture
def bound(monkeypatch):
    """A bound of 3 matches, so that a handful of items goes over it."""
    monkeypatch.setattr(facets, "COUNT_BOUND", 3)
    return 3


@pytest.fixture
def walruses(corpus):
    """Six publications that mention walruses in their text only, oldest first, then one
    with the word in its title, stored last."""
    in_text = [
        PublicationFactory(
            title=f"Note {n}",
            synopsis="",
            body="<p>Walrus colonies.</p>",
            publication_date=datetime.date(2020, 1, 1 + n),
        )
        for n in range(6)
    ]
    in_title = PublicationFactory(
        title="Walrus Diplomacy",
        synopsis="",
        body="<p>Tusks.</p>",
        publication_date=datetime.date(2019, 5, 5),
    )
    return in_text, in_title


def test_search_beyond_the_bound_says_so(client, bound, walruses):
    html = client.get("/search/", {"q": "walrus"}).content.decode()

    assert "3+ results for “walrus”." in html
    assert "Counted over the first 3 results found." in html
    assert sum(facet_counts(html, "Type")) == 3
    assert sum(facet_counts(html, "Year")) == 3
    assert len(titles(client.get("/search/", {"q": "walrus"}))) == 3
    assert client.get("/search/", {"q": "walrus", "page": "2"}).status_code == 404


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_search_beyond_the_bound_pages_through_what_it_counted(
    client, bound, walruses, sort, monkeypatch
):
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 2)

    first = titles(client.get("/search/", {"q": "walrus", "sort": sort}))
    second = titles(client.get("/search/", {"q": "walrus", "sort": sort, "page": "2"}))

    assert len(first) == 2 and len(second) == 1
    assert not set(first) & set(second)


def test_search_within_the_bound_counts_exactly(client, bound, corpus):
    html = client.get("/search/", {"q": "fisheries"}).content.decode()

    assert "2 results for “fisheries”." in html
    assert "Counted over" not in html


def test_search_counts_exactly_below_the_default_bound(client, walruses):
    html = client.get("/search/", {"q": "walrus"}).content.decode()

    assert "7 results for “walrus”." in html
    assert "Counted over" not in html
    assert sum(facet_counts(html, "Year")) == 7


@postgres_only
def test_search_beyond_the_bound_still_ranks_a_title_match_first(client, bound, walruses):
    _, in_title = walruses

    found = titles(client.get("/search/", {"q": "walrus"}))

    assert found[0] == in_title.title  # stored after the three matches counted


@postgres_only
def test_search_beyond_the_bound_sorted_by_date_gives_the_newest(client, bound, walruses):
    in_text, _ = walruses

    found = titles(client.get("/search/", {"q": "walrus", "sort": "date"}))

    assert found == [item.title for item in reversed(in_text[-3:])]


@postgres_only
def test_search_beyond_the_bound_excluding_a_word(client, bound, walruses):
    found = titles(client.get("/search/", {"q": "walrus -tusks"}))

    assert "Walrus Diplomacy" not in found
    assert len(found) == 3


def test_search_page_stays_within_its_statements_beyond_the_bound(
    client, bound, walruses, django_assert_max_num_queries
):
    client.get("/search/", {"q": "first"})  # the lists kept per content generation

    with django_assert_max_num_queries(6):
        response = client.get("/search/", {"q": "walrus"})
    with django_assert_max_num_queries(6):
        client.get("/search/", {"q": "walrus", "sort": "date"})

    assert response.status_code == 200
