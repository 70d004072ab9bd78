import json
import re

import pytest

from tests.factories import AuthorshipFactory, PublicationFactory
from tests.reading import assert_in_order


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
    assert_in_order(main, parts)


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


def test_feature_image_shows_its_credit_and_licence_under_it(visitor, lavrov):
    from django.core.files.base import ContentFile

    from tests.factories import jpeg_bytes

    lavrov.image.save("lavrov.jpg", ContentFile(jpeg_bytes(1600, 900)), save=False)
    lavrov.image_alt = "Two ministers at a press conference"
    lavrov.image_credit = "Source: Sergey Lavrov & Saleumxay Kommasith, МИД России, flickr"
    lavrov.image_licence = "CC BY-NC-SA 2.0"
    lavrov.save()
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    figure = re.search(r'<figure class="publication__image">.*?</figure>', html, re.S).group(0)
    assert 'alt="Two ministers at a press conference"' in figure
    # As wide as the column: a phone takes the 800-pixel file, a wide 2x screen the other.
    webp = r'srcset="\S+\.webp 800w, \S+\.webp 1600w" sizes="\(min-width: 960px\)'
    assert re.search(webp, figure)
    assert re.search(r'srcset="\S+\.jpg 800w, \S+\.jpg 1600w" sizes="', figure)
    assert figure.index("<img") < figure.index("<figcaption>")
    assert (
        "<figcaption>Source: Sergey Lavrov &amp; Saleumxay Kommasith, МИД России, flickr, "
        "CC BY-NC-SA 2.0</figcaption>"
    ) in figure


def test_series_list_beside_the_article(visitor, lavrov, policy_reports):
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    aside = re.search(r'<aside class="sidebar">.*?</aside>', html, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)"', aside)[:3] == [
        "/publications/commentaries/",
        "/publications/policy-reports/",
        "/publications/year/",
    ]
    assert '<a href="/publications/commentaries/" aria-current="true">Commentaries</a>' in aside


def test_breadcrumb_links_each_page_once():
    from navigation.templatetags.navigation_tags import distinct_crumbs

    crumbs = [
        {"title": "Publications", "url": "/publications/"},
        {"title": "RSIS Publications", "url": "/publications/"},
        {"title": "Commentaries", "url": "/publications/commentaries/"},
        {"title": "This item", "url": "/publications/commentaries/this-item/"},
    ]
    assert distinct_crumbs(crumbs, "/publications/commentaries/this-item/") == [
        {"title": "RSIS Publications", "url": "/publications/"},
        {"title": "Commentaries", "url": "/publications/commentaries/"},
    ]


def test_body_subheads_sit_below_the_page_sections_and_no_level_is_skipped(visitor, lavrov):
    lavrov.body = "<h2>First part</h2><p>Text.</p><h3>A detail</h3><p>More.</p>"
    lavrov.save()
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "<h3>First part</h3>" in main and "<h4>A detail</h4>" in main
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", main)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_last_updated_is_the_content_date_everywhere(visitor, lavrov):
    import datetime

    from django.utils import timezone

    from publications.models import Publication

    edited = timezone.make_aware(datetime.datetime(2021, 7, 26, 10, 15, 30, 123456))
    Publication.objects.filter(pk=lavrov.pk).update(updated_at=edited)
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    assert 'Last updated on <time datetime="2021-07-26">26/07/2021</time>' in html
    modified = re.search(r'<meta property="article:modified_time" content="([^"]+)">', html)
    assert modified.group(1).startswith("2021-07-26T")
    payload = re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    assert json.loads(payload)["dateModified"] == modified.group(1)
    sitemap = visitor.get("/sitemap-publications.xml").content.decode()
    assert "<lastmod>2021-07-26</lastmod>" in sitemap


def test_a_scheduled_item_was_last_updated_when_it_went_out(visitor, lavrov):
    import datetime

    from django.utils import timezone

    from publications.models import Publication

    went_out = timezone.now() - datetime.timedelta(minutes=5)
    Publication.objects.filter(pk=lavrov.pk).update(
        status="scheduled",
        published_at=went_out,
        updated_at=went_out - datetime.timedelta(days=3),
    )
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    shown = timezone.localtime(went_out).strftime("%d/%m/%Y")
    assert "Last updated on <time datetime=" in html and f">{shown}</time>" in html


@pytest.mark.parametrize("chosen", [False, True])
def test_detail_on_a_cache_miss_reads_five_queries(
    visitor, lavrov, regions, author, chosen, django_assert_max_num_queries
):
    # The item with its made PDF and whether editors chose related items, its categories, its
    # tags, the related items (chosen, else the latest sharing a category), and all authors.
    items = []
    for n in range(6):
        item = PublicationFactory(series=lavrov.series, title=f"Neighbour {n}")
        item.categories.set([regions["sea"]])
        AuthorshipFactory(publication=item, person=author)
        items.append(item)
    if chosen:
        lavrov.related.set(items[:2])
    # Warm what all pages of the new content generation share (menu, series, category tree,
    # the latest book).
    visitor.get("/")
    visitor.get("/publications/")
    with django_assert_max_num_queries(5):
        html = visitor.get(lavrov.get_absolute_url()).content.decode()
    related = html.split('id="related"')[1]
    shown = ["Neighbour 0", "Neighbour 1"] if chosen else ["Neighbour 5", "Neighbour 4"]
    assert all(title in related for title in shown)
    assert related.count('class="pub-card"') == (2 if chosen else 4)
    assert related.count("Chris Cheang") == related.count('class="pub-card"')


def test_sidebar_marks_the_items_own_series_on_every_page_of_the_series(
    visitor, lavrov, policy_reports
):
    report = PublicationFactory(series=policy_reports, title="A report")
    for item, current in [(lavrov, "Commentaries"), (report, "Policy Reports")]:
        sidebar = visitor.get(item.get_absolute_url()).content.decode().split("sidebar__series")[1]
        assert re.search(rf'aria-current="true">{current}</a>', sidebar)
        assert sidebar.count('aria-current="true"') == 1
