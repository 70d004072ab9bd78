import json
import re

import pytest

from tests.factories import AuthorshipFactory, PublicationFactory


def test_detail_has_every_part_of_the_seed_page_in_order(visitor, lavrov):
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    main = html[html.index("<main") :]
    parts = [
        'class="breadcrumbs"',
        "CO21113</span> | Russia and Southeast Asia: What Lavrov’s July Visits Mean",
        '<a href="/staff/people/chris-cheang/">Chris Cheang</a>',
        "26 July 2021",
        "Views in Commentaries are the authors&#x27; own.",
        ">Synopsis</h2>",
        "A goodwill tour of Indonesia and Laos.",
        ">Commentary</h2>",
        "<h3>Russia-ASEAN Relations</h3>",
        ">About the Author</h2>",
        "Chris Cheang is a Senior Fellow at RSIS.",
        'Categories: <a href="/publications/commentaries/">Commentaries</a>',
        '<a href="/categories/country-and-region-studies/southeast-asia-and-asean/">',
        '<a href="/tags/russia/" rel="tag">Russia</a>',
        "Last updated on",
        'aria-label="Share"',
        "Cite this commentary",
    ]
    positions = [main.find(part) for part in parts]
    assert -1 not in positions, [p for p, at in zip(parts, positions, strict=True) if at == -1]
    assert positions == sorted(positions)


def test_detail_carries_highwire_opengraph_and_json_ld(visitor, lavrov):
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    meta = dict(re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', html))
    assert meta["citation_title"] == "Russia and Southeast Asia: What Lavrov’s July Visits Mean"
    assert meta["citation_author"] == "Chris Cheang"
    assert meta["citation_publication_date"] == "2021/07/26"
    assert (
        meta["citation_technical_report_institution"]
        == "S. Rajaratnam School of International Studies"
    )
    assert meta["citation_technical_report_number"] == "CO21113"
    assert '<meta property="og:title" content="Russia and Southeast Asia' in html
    assert (
        '<link rel="canonical" href="http://testserver/publications/commentaries/russia-and-southeast-asia/">'
        in html
    )
    payload = re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    data = json.loads(payload)
    assert data["@type"] == "Report"
    assert data["reportNumber"] == "CO21113"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Chris Cheang",
            "url": "http://testserver/staff/people/chris-cheang/",
        }
    ]
    assert data["datePublished"] == "2021-07-26"


def test_json_ld_cannot_be_broken_out_of(visitor, lavrov):
    lavrov.title = "</script><script>alert(1)</script>"
    lavrov.save()
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    payload = re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    assert json.loads(payload)["headline"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html


def test_outside_authors_and_custom_about_text(visitor, lavrov):
    AuthorshipFactory(
        publication=lavrov, person=None, name="Jane Roe", affiliation="Keio University", order=5
    )
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    assert (
        '<a href="/staff/people/chris-cheang/">Chris Cheang</a>, Jane Roe (Keio University)' in html
    )
    assert ">About the Authors</h2>" in html
    assert "Jane Roe is with Keio University." in html
    lavrov.about_author = "Written while on sabbatical."
    lavrov.save()
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    assert "Written while on sabbatical." in html
    assert "Chris Cheang is a Senior Fellow at RSIS." not in html


def test_related_items_are_chosen_else_share_a_category(visitor, lavrov, regions):
    same = PublicationFactory(series=lavrov.series, title="Same region")
    same.categories.set([regions["sea"]])
    unrelated = PublicationFactory(series=lavrov.series, title="Elsewhere")
    hidden = PublicationFactory(
        series=lavrov.series, title="Hidden draft", status="draft", published_at=None
    )
    hidden.categories.set([regions["sea"]])
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    related = html[html.index('id="related"') :]
    assert "Same region" in related and "Elsewhere" not in related and "Hidden draft" not in related
    lavrov.related.set([unrelated, hidden])
    related = visitor.get(lavrov.get_absolute_url()).content.decode().split('id="related"')[1]
    assert "Elsewhere" in related and "Same region" not in related and "Hidden draft" not in related


def test_latest_book_teaser(visitor, lavrov):
    from tests.factories import SeriesFactory

    books = SeriesFactory(
        name="Books", item_name="Book", slug="books", code_prefix="BK", sidebar_teaser=True
    )
    PublicationFactory(series=books, title="Strategy in the Straits", synopsis="A new book.")
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    assert ">Latest Book</h2>" in html
    assert "Strategy in the Straits" in html


def test_body_is_sanitised_on_save(lavrov):
    lavrov.body = '<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:x()">l</a></p>'
    lavrov.save()
    lavrov.refresh_from_db()
    assert "script" not in lavrov.body and "onclick" not in lavrov.body
    assert "javascript" not in lavrov.body


@pytest.mark.parametrize("count", [1, 30])
def test_detail_query_count_is_bounded(
    visitor, lavrov, regions, author, count, django_assert_max_num_queries
):
    for n in range(count):
        item = PublicationFactory(series=lavrov.series)
        item.categories.set([regions["sea"]])
        AuthorshipFactory(publication=item, person=author)
        item.tags.add(f"tag {n}")
    visitor.get("/")  # warm the new content generation
    with django_assert_max_num_queries(10):
        assert visitor.get(lavrov.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(0):
        assert visitor.get(lavrov.get_absolute_url()).status_code == 200
