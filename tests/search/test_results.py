"""Search behaviour that is the same on SQLite and PostgreSQL, on a small known corpus."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.factories import (
    AuthorshipFactory,
    EventFactory,
    MenuItemFactory,
    PersonFactory,
    PublicationFactory,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.content.decode())


def test_search_code_goes_straight_to_the_item(client, corpus):
    for query in ("CO21113", "co21113", " Co21113 "):
        response = client.get("/search/", {"q": query})

        assert response.status_code == 302
        assert response["Location"] == "/publications/commentaries/lavrov-visits/"


def test_search_code_of_a_draft_is_not_followed(client, corpus):
    PublicationFactory(series=corpus["reports"], code="PR22009", title="Hidden", status="draft")

    response = client.get("/search/", {"q": "PR22009"})

    assert response.status_code == 200
    assert "Nothing matches “PR22009”." in response.content.decode()


def test_search_title_match_ranks_above_body_match(client, corpus):
    response = client.get("/search/", {"q": "fisheries"})

    assert titles(response) == [
        "Fisheries Cooperation in the Gulf of Thailand",
        "Europe’s Energy Transition",
    ]


def test_search_finds_by_author_name(client, corpus):
    response = client.get("/search/", {"q": "Cheang"})

    found = titles(response)
    assert found[0] == "Chris Cheang"  # the person, by name (a title)
    assert "Russia and Southeast Asia: What Lavrov’s July Visits Mean" in found
    assert len(found) == 2


def test_search_shows_kind_series_code_and_authors(client, corpus):
    html = client.get("/search/", {"q": "Laos"}).content.decode()

    assert "Publication · RSIS Commentary · CO21113 · Chris Cheang · 26 July 2021" in html


def test_search_combines_words(client, corpus):
    assert titles(client.get("/search/", {"q": "Lavrov ASEAN"})) == [
        "Russia and Southeast Asia: What Lavrov’s July Visits Mean"
    ]
    assert titles(client.get("/search/", {"q": "Lavrov Europe"})) == []


@pytest.mark.parametrize("status", ["draft", "review", "withdrawn"])
def test_search_never_finds_non_public_publications(client, corpus, status):
    PublicationFactory(title="Secret Zeppelin Study", status=status, code=None)

    html = client.get("/search/", {"q": "zeppelin"}).content.decode()

    assert "Nothing matches “zeppelin”." in html


def test_search_finds_scheduled_item_only_once_its_time_has_come(client, corpus, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    when = timezone.now() + datetime.timedelta(hours=2)
    PublicationFactory(title="Zeppelin Futures", status="scheduled", published_at=when)

    before = client.get("/search/", {"q": "zeppelin"}).content.decode()
    time_machine.move_to(when + datetime.timedelta(minutes=1), tick=False)
    after = client.get("/search/", {"q": "zeppelin"}).content.decode()

    assert "Nothing matches “zeppelin”." in before
    assert ">Zeppelin Futures</a>" in after


def test_search_withdrawn_item_disappears_at_once(client, corpus):
    lavrov = corpus["lavrov"]
    lavrov.status = "withdrawn"
    lavrov.save()

    assert titles(client.get("/search/", {"q": "Lavrov"})) == []


@pytest.mark.parametrize("status", ["draft", "review"])
def test_search_never_finds_unpublished_events(client, corpus, status):
    EventFactory(title="Zeppelin Seminar", status=status)

    assert titles(client.get("/search/", {"q": "zeppelin"})) == []


def test_search_finds_public_events_and_people(client, corpus):
    EventFactory(title="Zeppelin Seminar", slug="zeppelin-seminar", status="postponed")
    PersonFactory(name="Zed Zeppelin", slug="zed", position="Senior Fellow")
    PersonFactory(name="Zara Zeppelin", slug="zara", active=False)  # former, no public work

    response = client.get("/search/", {"q": "zeppelin"})

    assert sorted(titles(response)) == ["Zed Zeppelin", "Zeppelin Seminar"]
    assert 'href="/events/zeppelin-seminar/"' in response.content.decode()
    assert 'href="/staff/people/zed/"' in response.content.decode()


def test_search_never_finds_pages_under_an_unpublished_parent(client, corpus, about_section):
    MenuItemFactory(title="Zeppelin Page", slug="zp", parent=about_section["about"])
    about_section["about"].published = False
    about_section["about"].save()

    assert titles(client.get("/search/", {"q": "zeppelin"})) == []


def test_search_snippet_escapes_item_text_and_marks_matches(client, corpus):
    PublicationFactory(
        title="Markup",
        synopsis="",
        body="<p>if a &lt; b then zeppelin &amp; co &gt; d &lt;b&gt;bold&lt;/b&gt;</p>",
    )

    html = client.get("/search/", {"q": "zeppelin"}).content.decode()

    assert "if a &lt; b then <mark>zeppelin</mark> &amp; co &gt; d" in html
    assert "<b>" not in html


def test_search_query_with_markup_cannot_inject(client, corpus):
    response = client.get("/search/", {"q": '<img src=x onerror="alert(1)"> Lavrov'})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Lavrov" in html


@pytest.mark.parametrize(
    "query",
    [
        "x" * 5000,
        "Lavrov\x00",
        "\x00\x00",
        "& | ! : * ( ) '",
        "Lavrov & | ! : * ( ) '",
        "'Lavrov",
        "Lavrov:*",
        "!!",
        '"unclosed phrase',
        "-",
        "OR",
        "%",
        "\\",
        "ü" * 300,
    ],
)
def test_search_odd_queries_never_fail(client, corpus, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"q": "Lavrov", "page": "abc"},
        {"q": "Lavrov", "page": "999999"},
        {"q": "Lavrov", "year": "20x1"},
        {"q": "Lavrov", "series": "no-such-series"},
        {"q": "Lavrov", "category": "no/such"},
        {"q": "Lavrov", "author": "nobody"},
        {"q": "Lavrov", "type": "spaceship"},
        {"q": "Lavrov", "sort": "price"},
        {"q": "Lavrov", "series": "commentaries\x00"},
    ],
)
def test_search_unusable_parameters_are_not_found(client, corpus, params):
    assert client.get("/search/", params).status_code == 404


def test_search_sorts_by_date_on_request(client, corpus):
    relevance = titles(client.get("/search/", {"q": "fisheries"}))
    by_date = titles(client.get("/search/", {"q": "fisheries", "sort": "date"}))

    assert relevance[0] == "Fisheries Cooperation in the Gulf of Thailand"
    assert by_date[0] == "Europe’s Energy Transition"  # September 2022, after March


def test_search_query_count_is_bounded_with_every_kind(
    client, corpus, django_assert_max_num_queries
):
    for n in range(30):
        publication = PublicationFactory(title=f"Zeppelin report {n}")
        AuthorshipFactory(publication=publication)
        EventFactory(title=f"Zeppelin talk {n}")
        PersonFactory(name=f"Zeppelin Person {n}")
        MenuItemFactory(title=f"Zeppelin page {n}", slug=f"zeppelin-{n}")
    client.get("/")

    with django_assert_max_num_queries(10):
        response = client.get("/search/", {"q": "zeppelin"})
    with django_assert_max_num_queries(10):
        client.get("/search/", {"q": "zeppelin", "series": "commentaries", "year": "2021"})

    assert "120 results for “zeppelin”." in response.content.decode()


def test_search_answer_is_kept_until_the_content_changes(
    client, corpus, django_assert_max_num_queries
):
    assert titles(client.get("/search/", {"q": "fisheries"})) == [
        "Fisheries Cooperation in the Gulf of Thailand",
        "Europe’s Energy Transition",
    ]
    with django_assert_max_num_queries(1):  # the same search again: nothing is searched
        again = client.get("/search/", {"q": "fisheries"})
    assert len(titles(again)) == 2
    PublicationFactory(
        series=corpus["reports"],
        title="Fisheries and the Law of the Sea",
        slug="fisheries-law",
        publication_date=datetime.date(2023, 1, 5),
    )
    assert "Fisheries and the Law of the Sea" in titles(client.get("/search/", {"q": "fisheries"}))


@pytest.mark.parametrize("query", ["lavorv or zorblaxien", "lavorv -zorblaxien", "zorblaxien"])
def test_spelling_corrections_never_reveal_words_of_unpublished_items(client, corpus, query):
    PublicationFactory(
        series=corpus["reports"], title="Operation Zorblaxian", slug="secret", status="draft",
        published_at=None,
    )  # fmt: skip
    PersonFactory(name="Quinzelle Marrowby", slug="quinzelle", active=False)
    for asked in (query, "quinzele"):
        html = client.get("/search/", {"q": asked}).content.decode().lower()
        assert "zorblaxian" not in html and "quinzelle" not in html
        feed = client.get("/search/feed/", {"q": asked}).content.decode().lower()
        assert "zorblaxian" not in feed and "quinzelle" not in feed


def test_letters_that_fold_together_do_not_break_the_correction(client, corpus):
    for path in ("/search/", "/search/feed/"):
        response = client.get(path, {"q": "fisheriess fiſherieſſ"})
        assert response.status_code == 200
