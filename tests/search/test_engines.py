"""What differs between the engines: PostgreSQL's full text (stemming, phrases, weights,
trigram corrections) and the SQLite fallback (plain word matching)."""

import re

import pytest

from tests.factories import AuthorshipFactory, PersonFactory, PublicationFactory

from .conftest import postgres_only, sqlite_only

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.content.decode())


LAVROV = "Russia and Southeast Asia: What Lavrov’s July Visits Mean"


@postgres_only
def test_fulltext_stems_english_words(client, corpus):
    assert titles(client.get("/search/", {"q": "visit"})) == [LAVROV]
    assert titles(client.get("/search/", {"q": "navigate"})) == [
        "Fisheries Cooperation in the Gulf of Thailand"
    ]


@postgres_only
def test_fulltext_ranks_title_then_summary_and_authors_then_text(client, corpus):
    in_body = PublicationFactory(title="One", synopsis="", body="<p>Walrus notes.</p>")
    in_title = PublicationFactory(title="Walrus Politics", synopsis="", body="<p>x</p>")
    in_synopsis = PublicationFactory(title="Two", synopsis="About a walrus.", body="<p>y</p>")
    by_author = PublicationFactory(title="Three", synopsis="", body="<p>z</p>")
    AuthorshipFactory(publication=by_author, person=PersonFactory(name="Wally Walrus"))

    found = titles(client.get("/search/", {"q": "walrus", "type": "publication"}))

    assert found[0] == in_title.title
    assert set(found[1:3]) == {in_synopsis.title, by_author.title}
    assert found[3] == in_body.title


@postgres_only
def test_fulltext_phrase_keeps_word_order(client, corpus):
    PublicationFactory(title="Gulf Fisheries of Thailand")

    found = titles(client.get("/search/", {"q": '"Gulf of Thailand"'}))

    assert found == ["Fisheries Cooperation in the Gulf of Thailand"]


@postgres_only
def test_fulltext_corrects_misspelled_names_and_titles(client, corpus):
    response = client.get("/search/", {"q": "Lavorv"})
    html = response.content.decode()

    assert titles(response) == [LAVROV]
    assert "No results for “Lavorv”. Showing results for “<strong>lavrov</strong>”." in html
    assert titles(client.get("/search/", {"q": "Chris Chaeng"}))[0] == "Chris Cheang"
    assert titles(client.get("/search/", {"q": "fisharies cooperation"})) == [
        "Fisheries Cooperation in the Gulf of Thailand"
    ]


@postgres_only
def test_fulltext_snippet_marks_stemmed_matches(client, corpus):
    html = client.get("/search/", {"q": "visiting Jakarta"}).content.decode()

    assert "minister <mark>visited</mark> <mark>Jakarta</mark>" in html


@sqlite_only
def test_fallback_matches_every_word_as_a_substring(client, corpus):
    assert titles(client.get("/search/", {"q": "lavrov asean"})) == [LAVROV]
    assert titles(client.get("/search/", {"q": "fisher"})) == [
        "Fisheries Cooperation in the Gulf of Thailand",
        "Europe’s Energy Transition",
    ]
    # No stemming: "visit" is inside "visits", but "visiting" is not in the text.
    assert titles(client.get("/search/", {"q": "visiting"})) == []


@sqlite_only
def test_fallback_corrects_misspelled_words_too(client, corpus):
    response = client.get("/search/", {"q": "Lavorv"})

    assert titles(response) == [LAVROV]
    assert "Showing results for “<strong>lavrov</strong>”." in response.content.decode()


def test_nothing_close_enough_is_not_corrected(client, corpus):
    html = client.get("/search/", {"q": "qwertyuiop"}).content.decode()

    assert "Nothing matches “qwertyuiop”." in html
    assert "Showing results for" not in html


def test_corrected_search_query_count_is_bounded(client, corpus, django_assert_max_num_queries):
    client.get("/")

    with django_assert_max_num_queries(10):
        response = client.get("/search/", {"q": "Lavorv"})

    assert titles(response) == [LAVROV]
