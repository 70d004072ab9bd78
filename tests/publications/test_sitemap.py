import re

from django.utils import timezone

from tests.factories import PersonFactory, PublicationFactory


def locations(xml):
    return re.findall(r"<loc>([^<]+)</loc>", xml)


def test_sitemap_index_lists_each_section(visitor, lavrov, about_section):
    response = visitor.get("/sitemap.xml")
    assert response.status_code == 200
    sections = locations(response.content.decode())
    for name in ("pages", "series", "lists", "publications", "people", "research"):
        assert f"http://testserver/sitemap-{name}.xml" in sections


def test_sitemap_holds_public_items_with_last_modified(visitor, lavrov, about_section):
    PublicationFactory(series=lavrov.series, slug="draft-one", status="draft", published_at=None)
    PublicationFactory(series=lavrov.series, slug="gone", status="withdrawn")
    xml = visitor.get("/sitemap-publications.xml").content.decode()
    assert locations(xml) == [
        "http://testserver/publications/commentaries/russia-and-southeast-asia/"
    ]
    assert f"<lastmod>{timezone.localdate(lavrov.updated_at).isoformat()}</lastmod>" in xml


def test_sitemap_covers_pages_people_series_and_lists(visitor, lavrov, about_section, author):
    PersonFactory(slug="gone-person", active=False)
    pages = locations(visitor.get("/sitemap-pages.xml").content.decode())
    assert "http://testserver/about-rsis/introduction/" in pages
    assert "http://testserver/" in pages
    people = locations(visitor.get("/sitemap-people.xml").content.decode())
    assert "http://testserver/staff/people/chris-cheang/" in people
    assert "http://testserver/staff/people/gone-person/" not in people
    assert locations(visitor.get("/sitemap-series.xml").content.decode()) == [
        "http://testserver/publications/commentaries/"
    ]
    lists = locations(visitor.get("/sitemap-lists.xml").content.decode())
    assert "http://testserver/publications/year/2021/" in lists
    assert "http://testserver/categories/country-and-region-studies/europe/" in lists


def test_sitemap_bad_page_is_404(visitor, lavrov):
    assert visitor.get("/sitemap-publications.xml?p=999").status_code == 404
    assert visitor.get("/sitemap-publications.xml?p=abc").status_code == 404
    assert visitor.get("/sitemap-nothing.xml").status_code == 404


def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(visitor, db):
    response = visitor.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
