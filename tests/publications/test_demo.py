import re

import pytest
from django.core.management import call_command

from publications.models import Category, Publication, Series, SeriesCounter
from publications.services import code_next
from staff.models import Person

RANSOMWARE = "ransomware-in-the-ward-building-cyber-resilience-in-health-services"


def test_demo_has_the_seed_series_and_commentary(visitor, demo_content):
    assert list(Series.objects.values_list("name", flat=True)) == [
        "Annual Reviews", "Books", "Bulletins and Newsletters", "Commentaries",
        "Counter Terrorist Trends and Analyses", "Commemorative / Event Reports", "IDSS Paper",
        "Interreligious Relations", "Monographs", "NTS Insight", "Policy Reports", "Working Papers",
    ]  # fmt: skip
    item = Publication.objects.get(code="CO21113")
    assert item.title == "Russia and Southeast Asia: What Lavrov’s July Visits Mean"
    assert item.publication_date.isoformat() == "2021-07-26"
    assert [a.display_name for a in item.authorships.all()] == ["Chris Cheang"]
    names = set(item.categories.values_list("name", flat=True))
    assert {
        "Country and Region Studies", "International Political Economy", "Southeast Asia and ASEAN",
        "East Asia and Asia Pacific", "Europe", "Global", "South Asia",
    } <= names  # fmt: skip
    assert (
        Category.objects.get(slug="southeast-asia-and-asean").parent.name
        == "Country and Region Studies"
    )

    response = visitor.get("/p/CO21113/")
    assert response.status_code == 301
    html = visitor.get(response["Location"]).content.decode()
    assert "CO21113</span> | Russia and Southeast Asia" in html
    trail = html[
        html.index('class="breadcrumbs"') : html.index("</nav>", html.index('class="breadcrumbs"'))
    ]
    crumbs = re.findall(r"<li[^>]*>(?:<a [^>]+>)?([^<]+)", trail)
    assert crumbs == [
        "Home", "RSIS Publications", "Commentaries",
        "Russia and Southeast Asia: What Lavrov’s July Visits Mean",
    ]  # fmt: skip


def test_demo_publication_pages_from_the_menu(visitor, demo_content):
    html = visitor.get("/publications/commentaries/").content.decode()
    assert "Russia and Southeast Asia" in html
    assert visitor.get("/feeds/series/commentaries/rss/").status_code == 200
    assert visitor.get("/sitemap.xml").status_code == 200


def test_generator_makes_public_items_and_codes_continue(demo_content):
    before = Publication.objects.public().count()
    call_command("load_demo", "--no-admin", "--no-photos", "--publications", "300", verbosity=0)
    generated = Publication.objects.public().exclude(pk__in=[]).count() - before
    assert generated == 300
    codes = list(Publication.objects.exclude(code=None).values_list("code", flat=True))
    assert len(codes) == len(set(codes))
    for counter in SeriesCounter.objects.select_related("series"):
        stem = f"{counter.series.code_prefix}{counter.year % 100:02d}"
        taken = [int(c[-3:]) for c in codes if c.startswith(stem) and c[len(stem) :].isdigit()]
        if taken:
            assert (
                counter.last_number >= max(taken)
                or f"{stem}{counter.last_number + 1:03d}" not in codes
            )
        new = code_next(series=counter.series, year=counter.year)
        assert new not in codes


def test_load_demo_refuses_a_negative_count(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("load_demo", "--no-admin", "--publications", "-1", verbosity=0)


def about_the_authors(html):
    section = html[html.index('<h2 id="about-author">') :]
    section = section[: section.index("</section>")]
    return re.findall(r"<p>(.*?)</p>", section)


def test_about_the_author_is_a_sentence_for_every_demo_author(visitor, demo_content):
    item = Publication.objects.get(slug=RANSOMWARE)
    html = visitor.get(item.get_absolute_url()).content.decode()
    assert ">About the Authors</h2>" in html
    assert about_the_authors(html) == [
        "Lim Hui Ling studies national resilience, cyber threats and emerging technology.",
        "Alicia Moreno is with Westmere University.",
    ]


def test_about_the_author_without_a_bio_or_an_affiliation_is_still_a_sentence(
    visitor, demo_content
):
    item = Publication.objects.get(slug=RANSOMWARE)
    item.authorships.filter(person=None).update(affiliation="")
    Person.objects.filter(slug="lim-hui-ling").update(short_bio="")
    html = visitor.get(item.get_absolute_url()).content.decode()
    assert about_the_authors(html) == [
        "Lim Hui Ling (Senior Fellow) is on the staff of RSIS.",
        "Alicia Moreno is a guest author of this RSIS Commentary.",
    ]
    lim = Person.objects.get(slug="lim-hui-ling")
    lim.active, lim.position = False, ""
    lim.save()
    html = visitor.get(item.get_absolute_url()).content.decode()
    assert about_the_authors(html)[0] == "Lim Hui Ling was on the staff of RSIS."


def test_the_seed_commentary_offers_its_pdf_under_the_byline(visitor, demo_content):
    import io

    from django.core.management import call_command
    from pypdf import PdfReader

    call_command("make_pdfs", "--site-url", "http://testserver", stdout=io.StringIO())
    html = visitor.get("/p/CO21113/", follow=True).content.decode()
    header = html[html.index("<h1") : html.index("Synopsis")]
    assert header.index("Chris Cheang") < header.index("26 July 2021")
    assert header.index("26 July 2021") < header.index('href="/p/CO21113.pdf"')
    assert re.search(r"Download PDF <span[^>]*>\(\d+(\.\d)?\xa0KB\)</span>", header)
    assert "Last updated on" in html and ">26/07/2021</time>" in html
    response = visitor.get("/p/CO21113.pdf")
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Source: Sergey Lavrov & Saleumxay Kommasith" in " ".join(text.split())
