import pytest

from tests.factories import MenuItemFactory

pytestmark = pytest.mark.django_db


def test_search_finds_pages_with_highlighted_snippet(client, about_section):
    MenuItemFactory(
        title="Getting to RSIS",
        slug="getting-to-rsis",
        parent=about_section["about"],
        body="<p>Take the campus shuttle to Nanyang Avenue and walk to Block S4.</p>",
    )

    response = client.get("/search/", {"q": "nanyang block"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "1 result for “nanyang block”." in html
    assert '<h2><a href="/about-rsis/getting-to-rsis/">Getting to RSIS</a></h2>' in html
    assert "shuttle to <mark>Nanyang</mark> Avenue and walk to <mark>Block</mark> S4." in html


def test_search_ranks_title_matches_first(client, about_section):
    MenuItemFactory(title="Alpha", slug="alpha", body="<p>Mentions the welcome desk.</p>")

    html = client.get("/search/", {"q": "welcome"}).content.decode()

    assert html.index(">Welcome Message</a>") < html.index(">Alpha</a>")


def test_search_never_finds_unpublished_or_link_items(client, about_section):
    about_section["about"].published = False
    about_section["about"].save()
    MenuItemFactory(title="Welcome link", slug="wl", kind="url", url="https://example.org/")

    html = client.get("/search/", {"q": "welcome"}).content.decode()

    assert "Nothing matches “welcome”." in html


def test_search_escapes_markup_in_the_query(client, about_section):
    response = client.get("/search/", {"q": '<script>alert("x")</script>'})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_search_snippet_escapes_page_text(client, about_section):
    MenuItemFactory(title="Maths", slug="maths", body="<p>if a &lt; b then welcome</p>")

    html = client.get("/search/", {"q": "welcome"}).content.decode()

    assert "if a &lt; b then <mark>welcome</mark>" in html


@pytest.mark.parametrize(
    "query",
    ["x" * 5000, "welcome\x00", "\x00", "' OR 1=1 --", "%_%", "& | ! : * ( ) '", "  "],
)
def test_search_bad_queries_never_fail(client, about_section, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200


def test_search_empty_query_shows_the_form_only(client, about_section):
    html = client.get("/search/").content.decode()

    assert 'id="page-q"' in html
    assert "result" not in html


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999999", "9" * 40, "1\x00"])
def test_search_bad_page_numbers_are_not_found(client, about_section, page):
    response = client.get("/search/", {"q": "page", "page": page})

    assert response.status_code == 404


def test_search_paginates_results(client, about_section):
    for n in range(15):
        MenuItemFactory(title=f"Report {n:02d}", slug=f"report-{n}")

    first = client.get("/search/", {"q": "report"}).content.decode()
    second = client.get("/search/", {"q": "report", "page": 2}).content.decode()

    assert "15 results for “report”." in first
    assert first.count("<h2><a href=") == 10
    assert second.count("<h2><a href=") == 5
    assert 'href="?q=report&amp;page=2"' in first


def test_search_query_count_is_bounded(client, about_section, django_assert_max_num_queries):
    for n in range(60):
        MenuItemFactory(title=f"Report {n}", slug=f"report-{n}")
    client.get("/")
    with django_assert_max_num_queries(4):  # with the public people and events, once
        client.get("/search/", {"q": "report"})
    with django_assert_max_num_queries(4):  # a later page: its ids in one more statement
        client.get("/search/", {"q": "report", "page": "2"})
