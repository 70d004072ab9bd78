import datetime
import re

import pytest

from tests.factories import AuthorshipFactory, PersonFactory, PublicationFactory
from tests.publications.conftest import make_public


def titles(response):
    return re.findall(
        r'class="pub-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def catalogue(lavrov, policy_reports, regions, author):
    """Four public items across series, years, categories, tags and authors, plus a draft."""
    other = PersonFactory(name="Farah Aziz", slug="farah-aziz")
    report = PublicationFactory(
        series=policy_reports, title="Ports and Power", publication_date=datetime.date(2022, 3, 1)
    )
    report.categories.set([regions["sea"]])
    report.tags.add("Maritime")
    AuthorshipFactory(publication=report, person=other)
    old = PublicationFactory(
        series=lavrov.series, title="Older Europe Note", publication_date=datetime.date(2020, 5, 5)
    )
    old.categories.set([regions["europe"], regions["ipe"]])
    AuthorshipFactory(publication=old, person=author)
    loose = PublicationFactory(
        series=lavrov.series, title="Uncategorised Note", publication_date=datetime.date(2021, 1, 2)
    )
    PublicationFactory(
        series=lavrov.series, title="Unfinished Draft", status="draft", published_at=None
    )
    return {"lavrov": lavrov, "report": report, "old": old, "loose": loose}


ALL = ["Ports and Power", "Russia and Southeast Asia: What Lavrov’s July Visits Mean",
       "Uncategorised Note", "Older Europe Note"]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL),
        ("?series=commentaries", ALL[1:]),
        ("?series=commentaries&series=policy-reports", ALL),
        ("?year=2021", ALL[1:3]),
        ("?category=country-and-region-studies", [ALL[0], ALL[1], ALL[3]]),
        ("?category=country-and-region-studies/southeast-asia-and-asean", ALL[:2]),
        # Two values of one axis widen; two axes narrow.
        ("?category=country-and-region-studies/southeast-asia-and-asean"
         "&category=country-and-region-studies/europe", [ALL[0], ALL[1], ALL[3]]),
        ("?category=country-and-region-studies/southeast-asia-and-asean"
         "&category=international-political-economy", [ALL[1]]),
        ("?tag=maritime", [ALL[0]]),
        ("?author=chris-cheang", [ALL[1], ALL[3]]),
        ("?author=chris-cheang&year=2020&series=commentaries", [ALL[3]]),
        ("?q=europe", [ALL[3]]),
        ("?q=co21113", [ALL[1]]),
        ("?series=policy-reports&year=2021", []),
    ],
)  # fmt: skip
def test_publication_filters_combine(visitor, catalogue, query, expected):
    response = visitor.get(f"/publications/{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_series_page_lists_only_its_series_newest_first(visitor, catalogue):
    response = visitor.get("/publications/commentaries/")
    assert titles(response) == ALL[1:]
    assert '<link rel="alternate" type="application/rss+xml"' in response.content.decode()
    assert 'href="/feeds/series/commentaries/rss/"' in response.content.decode()


def test_year_page_and_year_index(visitor, catalogue):
    assert titles(visitor.get("/publications/year/2022/")) == ["Ports and Power"]
    years = visitor.get("/publications/year/").content.decode()
    assert re.findall(r'href="/publications/year/(\d+)/"', years) == ["2022", "2021", "2020"]


def test_category_page_includes_descendants_and_links_children(visitor, catalogue):
    response = visitor.get("/categories/country-and-region-studies/")
    assert titles(response) == [ALL[0], ALL[1], ALL[3]]
    html = response.content.decode()
    assert 'href="/categories/country-and-region-studies/europe/"' in html
    assert 'href="/feeds/categories/country-and-region-studies/rss/"' in html
    assert titles(visitor.get("/categories/country-and-region-studies/europe/")) == [ALL[1], ALL[3]]


def test_tag_page(visitor, catalogue):
    assert titles(visitor.get("/tags/russia/")) == [ALL[1]]


def test_profile_and_centre_list_their_publications(visitor, catalogue, author):
    from research.models import Centre

    html = visitor.get(author.get_absolute_url()).content.decode()
    assert titles_in(html) == [ALL[1], ALL[3]]
    assert 'href="/feeds/authors/chris-cheang/rss/"' in html
    centre = Centre.objects.create(name="IDSS", acronym="IDSS", slug="idss", summary="Defence.")
    centre.members.add(author)
    html = visitor.get("/research/idss/").content.decode()
    assert titles_in(html) == [ALL[1], ALL[3]]


def titles_in(html):
    return re.findall(r'class="pub-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_list_is_paginated_with_filters_kept(visitor, commentaries, site_facts):
    items = make_public(commentaries, 45)
    newest_first = [item.title for item in reversed(items)]
    first = visitor.get("/publications/?series=commentaries")
    assert titles(first) == newest_first[:20]
    assert 'href="?series=commentaries&amp;page=2"' in first.content.decode()
    third = visitor.get("/publications/?series=commentaries&page=3")
    assert titles(third) == newest_first[40:]
    assert visitor.get("/publications/?series=commentaries&page=4").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=999999",
        "?page=0",
        "?page=-1",
        "?year=0",
        "?year=abc",
        "?year=99999",
        "?year=2021&year=2022",
        "?series=nope",
        "?category=nope/nothing",
        "?tag=missing",
        "?author=nobody",
        "?q=" + "x" * 5000,
        "?series=" + "s" * 5000,
        "?q=a%00b",
        "?series=commentaries%00",
        "?category=" + "&category=".join(["a"] * 11),
    ],
)
def test_bad_list_parameters_get_404_never_500(visitor, catalogue, query):
    response = visitor.get(f"/publications/{query}")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/publications/year/0/",
        "/publications/year/1800/",
        "/publications/nope/",
        "/publications/commentaries/nope/",
        "/publications/nope/nope/",
        "/publications/commentaries/russia-and-southeast-asia/cite.pdf",
        "/categories/nope/",
        "/categories/country-and-region-studies/nope/",
        "/tags/nope/",
        "/p/XX99999/",
        "/p/" + "C" * 300 + "/",
        "/feeds/series/nope/rss/",
        "/feeds/categories/nope/rss/",
        "/feeds/tags/nope/atom/",
        "/feeds/authors/nobody/rss/",
        "/external-publications/nope/",
        "/external-publications/?year=0",
        "/external-publications/?page=abc",
    ],
)
def test_unknown_addresses_get_404(visitor, catalogue, url):
    assert visitor.get(url).status_code == 404


def test_sql_and_html_in_parameters_are_harmless(visitor, catalogue):
    response = visitor.get("/publications/", {"q": "<script>alert(1)</script>' OR 1=1 --"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert titles(response) == []


def test_short_link_is_case_insensitive_permanent_redirect(visitor, lavrov):
    for code in ("CO21113", "co21113", "Co21113"):
        response = visitor.get(f"/p/{code}/")
        assert response.status_code == 301
        assert response["Location"] == "/publications/commentaries/russia-and-southeast-asia/"


def test_only_get_and_head_are_allowed(visitor, lavrov):
    assert visitor.post("/publications/").status_code == 405
    assert visitor.head("/publications/").status_code == 200


def test_category_page_narrows_by_filters_on_other_and_same_axes(visitor, catalogue):
    url = "/categories/country-and-region-studies/"
    assert titles(visitor.get(url + "?category=international-political-economy")) == [
        ALL[1],
        ALL[3],
    ]
    assert titles(visitor.get(url + "?category=country-and-region-studies/europe")) == [
        ALL[1],
        ALL[3],
    ]
    europe = "/categories/country-and-region-studies/europe/"
    assert titles(
        visitor.get(europe + "?category=country-and-region-studies/southeast-asia-and-asean")
    ) == [ALL[1]]


def test_duplicate_addresses_redirect_to_the_canonical_one(visitor, catalogue):
    response = visitor.get("/categories/country-and-region-studies//europe/")
    assert (response.status_code, response["Location"]) == (
        301, "/categories/country-and-region-studies/europe/"
    )  # fmt: skip
    response = visitor.get("/publications/year/02021/")
    assert (response.status_code, response["Location"]) == (301, "/publications/year/2021/")


def test_tags_of_drafts_only_are_not_public(visitor, catalogue):
    draft = PublicationFactory(series=catalogue["lavrov"].series, status="draft", published_at=None)
    draft.tags.add("Embargoed topic")
    assert visitor.get("/tags/embargoed-topic/").status_code == 404
    assert visitor.get("/feeds/tags/embargoed-topic/rss/").status_code == 404


@pytest.mark.parametrize(
    "year", ["%C2%B2", "2%C2%B2%C2%B2%C2%B2", "%E2%91%A0", "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%91"]
)
def test_unicode_digits_in_year_are_refused(visitor, catalogue, year):
    assert visitor.get(f"/publications/?year={year}").status_code == 404
    assert visitor.get(f"/external-publications/?year={year}").status_code == 404


@pytest.mark.parametrize(
    "code", ["%00", "CO%0021113", "CO21113%0A", "%EF%BC%A3O21113", "CO2111%C2%B2"]
)
def test_malformed_short_links_are_404(visitor, catalogue, code):
    assert visitor.get(f"/p/{code}/").status_code == 404
