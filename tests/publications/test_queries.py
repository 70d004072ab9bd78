"""Query counts of public publication pages do not grow with the number of publications."""

import pytest

from tests.factories import ExternalPublicationFactory
from tests.publications.conftest import bulk_public

PAGES = [
    "/publications/",
    "/publications/?series=commentaries&year=2012&category=country-and-region-studies&q=bulk",
    "/publications/commentaries/",
    "/publications/?series=commentaries&page=1",
    "/publications/year/2011/",
    "/publications/year/",
    "/categories/country-and-region-studies/",
    "/tags/russia/",
    "/feeds/publications/rss/",
    "/feeds/series/commentaries/atom/",
    "/feeds/categories/country-and-region-studies/rss/",
    "/feeds/authors/chris-cheang/rss/",
    "/staff/people/chris-cheang/",
    "/external-publications/",
    "/external-publications/op-eds/?year=2020",
]


@pytest.mark.parametrize("volume", [10, 1000])
def test_public_publication_pages_query_counts_do_not_grow(
    visitor, lavrov, regions, author, volume, django_assert_max_num_queries
):
    bulk_public(lavrov.series, volume, category=regions["sea"], person=author)
    for _ in range(volume // 10):
        ExternalPublicationFactory(kind="op-eds", year=2020).people.add(author)
    visitor.get("/")  # warm the new content generation
    for url in PAGES:
        with django_assert_max_num_queries(10):
            response = visitor.get(url)
        assert response.status_code == 200, url
        with django_assert_max_num_queries(4):
            visitor.get(url)  # second view: facets, counts and fragments are kept


def test_sitemap_query_count_is_bounded(
    visitor, lavrov, regions, author, django_assert_max_num_queries
):
    bulk_public(lavrov.series, 300, category=regions["sea"], person=author)
    visitor.get("/")
    with django_assert_max_num_queries(8):
        response = visitor.get("/sitemap-publications.xml")
    assert response.content.decode().count("<url>") == 301
