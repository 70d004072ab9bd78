import feedparser
import pytest

from tests.hostile import HOSTILE, feed_shown, render

pytestmark = pytest.mark.django_db


def test_search_feed_lists_results_newest_first(client, corpus):
    response = client.get("/search/feed/", {"q": "fisheries"})

    feed = feedparser.parse(response.content)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.version == "rss20"
    assert feed.feed.title.endswith("search: fisheries")
    assert [entry.title for entry in feed.entries] == [
        "Europe’s Energy Transition",
        "Fisheries Cooperation in the Gulf of Thailand",
    ]
    assert feed.entries[0].link == "http://testserver/publications/commentaries/energy/"


def test_search_feed_keeps_the_facets(client, corpus):
    response = client.get("/search/feed/", {"q": "fisheries", "series": "policy-reports"})

    titles = [entry.title for entry in feedparser.parse(response.content).entries]
    assert titles == ["Fisheries Cooperation in the Gulf of Thailand"]


def test_search_feed_escapes_text(client, corpus):
    response = client.get("/search/feed/", {"q": "<b>Lavrov</b>"})

    assert response.status_code == 200
    assert b"<b>Lavrov" not in response.content


def test_search_page_links_its_feed(client, corpus):
    html = client.get("/search/", {"q": "fisheries"}).content.decode()

    assert (
        '<link rel="alternate" type="application/rss+xml" title="Search: fisheries" '
        'href="/search/feed/?q=fisheries">'
    ) in html


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "\x00"}, {"q": "x", "year": "abc"}])
def test_search_feed_without_words_is_not_found(client, corpus, params):
    assert client.get("/search/feed/", params).status_code == 404


def test_search_feed_queries_do_not_grow_with_the_results(
    client, corpus, django_assert_max_num_queries
):
    from tests.factories import PublicationFactory

    client.get("/search/feed/", {"q": "fisheries"})
    with django_assert_max_num_queries(10):
        assert client.get("/search/feed/", {"q": "fisheries"}).status_code == 200
    for number in range(15):
        PublicationFactory(
            series=corpus["reports"], title=f"Fisheries note {number}", slug=f"note-{number}"
        )
    client.get("/search/feed/", {"q": "fisheries"})
    with django_assert_max_num_queries(10):
        response = client.get("/search/feed/", {"q": "fisheries"})
    assert len(feedparser.parse(response.content).entries) == 17


@pytest.mark.parametrize(
    "query", ["x" * 5000, "a\x00b fisheries", "& | ! : * ( ) '", "<script>fisheries</script>"]
)
def test_search_feed_odd_queries_never_fail(client, corpus, query):
    response = client.get("/search/feed/", {"q": query})
    assert response.status_code == 200
    assert not feedparser.parse(response.content).bozo


def test_search_feed_shows_markup_in_titles_snippets_and_words_as_typed(client, corpus):
    from tests.factories import PublicationFactory

    for number, text in enumerate(HOSTILE):
        PublicationFactory(
            series=corpus["reports"],
            title=f"Fisheries {text}",
            slug=f"hostile-{number}",
            synopsis=f"Fisheries and {text} matter.",
            body="",
        )

    response = client.get("/search/feed/", {"q": "fisheries"})
    assert response.status_code == 200
    _, titles, summaries = feed_shown(response.content)
    assert all(any(text in title for title in titles) for text in HOSTILE), titles
    assert any("alert(1)" in summary for summary in summaries)  # PostgreSQL's drops the tags

    for text in HOSTILE:
        response = client.get("/search/feed/", {"q": f"{text} fisheries"})
        assert response.status_code == 200
        feed, _, _ = feed_shown(response.content)
        assert text in render(feed.feed.title)[1]
