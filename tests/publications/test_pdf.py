"""The PDF of every public publication: uploaded, or made by the site from the web version."""

import io
import json
import logging
import re
import threading
import time
import urllib.request

import feedparser
import pytest
import weasyprint
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.template.defaultfilters import filesizeformat
from pypdf import PdfReader

from core.content_cache import bump_generation
from publications import printing
from publications.models import GeneratedPDF, Publication

from ..factories import AuthorshipFactory, PublicationFactory, UserFactory, jpeg_bytes
from ..jsonfeed import json_feed
from ..reading import assert_in_order

BODY = (
    "<p>Opening paragraph about the visits.</p>"
    "<h2>Russia-ASEAN Relations</h2><p>Middle of the argument.</p>"
    "<ul><li>First listed point</li><li>Second listed point</li></ul>"
    "<blockquote><p>A quoted remark.</p></blockquote>"
    "<table><caption>Trade figures</caption><thead><tr><th scope='col'>Year</th>"
    "<th scope='col'>Trade</th></tr></thead><tbody><tr><td>2020</td><td>2.7</td></tr>"
    "</tbody></table><p>Closing paragraph of the commentary.</p>"
)


@pytest.fixture
def illustrated(lavrov):
    """The seed's commentary with a longer body and a feature image with its credit."""
    lavrov.body = BODY
    lavrov.image_alt = "Two foreign ministers shaking hands"
    lavrov.image_credit = "Source: Sergey Lavrov & Saleumxay Kommasith, МИД России, flickr"
    lavrov.image_licence = "CC BY-NC-SA 2.0"
    lavrov.image.save("lavrov.jpg", ContentFile(jpeg_bytes(1600, 900)), save=False)
    lavrov.save()
    return lavrov


def read(response):
    return PdfReader(io.BytesIO(b"".join(response.streaming_content)))


def text_of(reader):
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def structure(node, found):
    """Every structure element below ``node``: (type, alt text) pairs, in reading order."""
    node = node.get_object()
    if isinstance(node, list):
        for kid in node:
            structure(kid, found)
        return found
    if not hasattr(node, "get"):
        return found
    if "/S" in node:
        found.append((str(node["/S"]), str(node.get("/Alt", ""))))
    if "/K" in node:
        structure(node["/K"], found)
    return found


def fonts_of(reader):
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            fonts.append(described["/FontDescriptor"].get_object())
    return fonts


def test_made_pdf_is_tagged_whole_and_in_reading_order(visitor, illustrated):
    response = visitor.get("/p/CO21113.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="CO21113.pdf"'
    reader = read(response)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert reader.metadata.title == (
        "CO21113 | Russia and Southeast Asia: What Lavrov’s July Visits Mean"
    )
    assert reader.metadata.author == "Chris Cheang"
    fonts = fonts_of(reader)
    assert fonts and all(
        {"/FontFile", "/FontFile2", "/FontFile3"} & set(font.keys()) for font in fonts
    )
    elements = structure(root["/StructTreeRoot"], [])
    kinds = [kind for kind, _ in elements]
    assert {"/H1", "/H2", "/H3", "/L", "/LI", "/Table", "/TH", "/TD", "/Figure"} <= set(kinds)
    assert ("/Figure", "Two foreign ministers shaking hands") in elements

    text = text_of(reader)
    parts = [
        "S. Rajaratnam School of International Studies",
        "CO21113",
        "Russia and Southeast Asia: What Lavrov’s July Visits Mean",
        "Chris Cheang",
        "26 July 2021",
        "Views in Commentaries are the authors' own.",
        "A goodwill tour of Indonesia and Laos.",
        "CC BY-NC-SA 2.0",
        "Opening paragraph about the visits.",
        "Russia-ASEAN Relations",
        "Second listed point",
        "Trade figures",
        "Closing paragraph of the commentary.",
        "About the Author",
        "Chris Cheang is a Senior Fellow at RSIS.",
        "Southeast Asia and ASEAN",
        "Cheang, Chris. “Russia and Southeast Asia",
        "http://testserver/p/CO21113/",
    ]
    assert_in_order(text, parts)
    assert "Page 1 of" in text


def test_pdf_is_kept_in_the_media_storage_and_made_once(visitor, lavrov, monkeypatch):
    calls = []
    real = printing.render_pdf
    monkeypatch.setattr(printing, "render_pdf", lambda *a: calls.append(1) or real(*a))
    first = visitor.get("/p/CO21113.pdf")
    second = visitor.get("/p/CO21113.pdf")
    assert len(calls) == 1
    assert first["ETag"] == second["ETag"]
    record = GeneratedPDF.objects.get(publication=lavrov)
    assert record.file.name.startswith("publications/generated/CO21113-")
    assert default_storage.exists(record.file.name)
    assert record.size == len(b"".join(second.streaming_content)) > 1000


@pytest.mark.parametrize(
    "change",
    ["correction", "bio", "disclaimer"],
)
def test_a_change_to_anything_printed_makes_a_new_pdf(
    visitor, lavrov, author, change, django_capture_on_commit_callbacks
):
    first = visitor.get("/p/CO21113.pdf")
    old_name = GeneratedPDF.objects.get(publication=lavrov).file.name
    if change == "correction":
        lavrov.body = "<p>Corrected figure: trade rose by a quarter.</p>"
        lavrov.save()
        expected = "Corrected figure: trade rose by a quarter."
    elif change == "bio":
        author.short_bio = "Chris Cheang is now a Senior Adjunct Fellow."
        author.save()
        expected = "Chris Cheang is now a Senior Adjunct Fellow."
    else:
        lavrov.series.disclaimer = "A new disclaimer for every commentary."
        lavrov.series.save()
        expected = "A new disclaimer for every commentary."
    with django_capture_on_commit_callbacks(execute=True):
        second = visitor.get("/p/CO21113.pdf")
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert expected in text_of(read(second))
    assert not default_storage.exists(old_name)  # the outdated file is removed


@pytest.mark.parametrize(
    "state",
    [
        {"status": "draft", "published_at": None},
        {"status": "review", "published_at": None},
        {"status": "withdrawn"},
        {"status": "scheduled", "in_future": True},
    ],
)
def test_no_public_pdf_of_an_item_that_is_not_public(visitor, lavrov, state):
    from datetime import timedelta

    from django.utils import timezone

    lavrov.status = state["status"]
    if state.get("in_future"):
        lavrov.published_at = timezone.now() + timedelta(days=2)
    elif "published_at" in state:
        lavrov.published_at = None
    lavrov.save()
    assert visitor.get("/p/CO21113.pdf").status_code == 404
    item_pdf = f"{lavrov.get_absolute_url()}pdf/"
    assert visitor.get(item_pdf).status_code == 404
    assert not GeneratedPDF.objects.exists()


def test_staff_preview_gets_a_pdf_marked_as_a_draft(client, lavrov, django_assert_max_num_queries):
    lavrov.status, lavrov.published_at, lavrov.code = "draft", None, None
    lavrov.save()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(lavrov.get_absolute_url()).content.decode()
    assert f'href="{lavrov.get_absolute_url()}pdf/"' in page
    with django_assert_max_num_queries(12):
        response = client.get(f"{lavrov.get_absolute_url()}pdf/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "DRAFT-russia-and-southeast-asia.pdf" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title.startswith("DRAFT: ")
    assert "Draft, not for circulation" in text_of(reader)
    assert not GeneratedPDF.objects.exists()  # never kept


def test_reviewer_share_link_gets_a_draft_pdf(lavrov, editor):
    from django.test import Client

    from editorial import sharing

    lavrov.status, lavrov.published_at = "review", None
    lavrov.save()
    link = sharing.share_link_create(item=lavrov, user=editor, days=3, note="Prof. Tan")
    token = sharing.token_for(link)
    reviewer = Client()
    page = reviewer.get(f"/review/{token}/").content.decode()
    assert f'href="/review/{token}/pdf/"' in page
    response = reviewer.get(f"/review/{token}/pdf/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "Draft, not for circulation" in text_of(PdfReader(io.BytesIO(response.content)))
    assert reviewer.get(f"/review/{token}x/pdf/").status_code == 404


def test_conditional_requests_get_304(visitor, lavrov):
    first = visitor.get("/p/CO21113.pdf")
    by_etag = visitor.get("/p/CO21113.pdf", headers={"if-none-match": first["ETag"]})
    assert by_etag.status_code == 304
    by_date = visitor.get("/p/CO21113.pdf", headers={"if-modified-since": first["Last-Modified"]})
    assert by_date.status_code == 304
    stale = visitor.get("/p/CO21113.pdf", headers={"if-none-match": '"something-else"'})
    assert stale.status_code == 200


@pytest.mark.parametrize(
    ("path", "status", "location"),
    [
        ("/p/co21113.pdf", 301, "/p/CO21113.pdf"),
        ("/p/CO21113.PDF", 404, None),  # by way of /p/CO21113.PDF/, not a code
        ("/p/CO99999.pdf", 404, None),
        ("/p/XX.pdf", 404, None),
        ("/p/%00.pdf", 404, None),
        ("/p/" + "C" * 5000 + ".pdf", 404, None),
    ],
)
def test_bad_pdf_addresses(visitor, lavrov, path, status, location):
    response = visitor.get(path, follow=status != 301)
    assert response.status_code == status
    if location:
        assert response["Location"] == location


def test_a_failed_render_is_logged_answers_503_and_leaves_the_page_working(
    visitor, lavrov, monkeypatch, caplog
):
    calls = []

    def broken(*args):
        calls.append(1)
        raise RuntimeError("the printing library failed")

    monkeypatch.setattr(printing, "render_pdf", broken)
    with caplog.at_level(logging.ERROR, logger="publications.printing"):
        response = visitor.get("/p/CO21113.pdf")
    assert response.status_code == 503
    assert response["Retry-After"] == "300"
    assert "could not be made" in caplog.text
    assert visitor.get("/p/CO21113.pdf").status_code == 503
    assert len(calls) == 1  # not tried again at once for the same content
    page = visitor.get(lavrov.get_absolute_url())
    assert page.status_code == 200
    assert 'href="/p/CO21113.pdf"' in page.content.decode()


def test_a_missing_picture_still_gives_a_pdf(visitor, illustrated):
    for name in [illustrated.image.name, illustrated.image_1600_jpeg.name]:
        default_storage.delete(name)
    response = visitor.get("/p/CO21113.pdf")
    assert response.status_code == 200
    assert "Closing paragraph of the commentary." in text_of(read(response))


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://testserver/admin/",
        "http://other.example/media-files/x.jpg",
        "file:///etc/passwd",
        "http://testserver/media-files/../settings.py",
        "data:image/png;base64,AAAA",
    ],
)
def test_printing_fetches_nothing_but_media_files(url):
    fetcher = printing.media_fetcher("http://testserver")
    with pytest.raises(ValueError):
        fetcher.fetch(url)


def test_uploaded_pdf_is_served_at_the_same_address_and_searched(visitor, lavrov):
    data = weasyprint.HTML(string="<p>An annex on quokkametric trade models.</p>").write_pdf()
    lavrov.pdf.save("typeset.pdf", ContentFile(data), save=True)
    lavrov.refresh_from_db()
    assert "quokkametric" in lavrov.pdf_text
    response = visitor.get("/p/CO21113.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="CO21113.pdf"'  # uploaded
    assert "quokkametric" in text_of(read(response))
    assert not GeneratedPDF.objects.exists()
    found = visitor.get("/search/", {"q": "quokkametric"}).content.decode()
    assert lavrov.get_absolute_url() in found
    lavrov.pdf = ""
    lavrov.save()
    lavrov.refresh_from_db()
    assert lavrov.pdf_text == ""


def test_page_links_the_pdf_with_its_size_and_tells_search_engines(visitor, lavrov):
    page = visitor.get(lavrov.get_absolute_url()).content.decode()
    assert 'href="/p/CO21113.pdf" type="application/pdf">Download PDF</a>' in page
    call_command("make_pdfs", "--site-url", "http://testserver", stdout=io.StringIO())
    size = GeneratedPDF.objects.get(publication=lavrov).size
    page = visitor.get(lavrov.get_absolute_url()).content.decode()
    shown = filesizeformat(size)
    assert f'Download PDF <span class="publication__pdf-size">({shown})</span>' in page
    assert '<meta name="citation_pdf_url" content="http://testserver/p/CO21113.pdf">' in page
    payload = re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1)
    assert json.loads(payload)["encoding"] == {
        "@type": "MediaObject",
        "contentUrl": "http://testserver/p/CO21113.pdf",
        "encodingFormat": "application/pdf",
        "name": "CO21113.pdf",
        "contentSize": f"{size} B",
    }
    header = page[: page.index("Synopsis")]
    assert header.index("26 July 2021") < header.index("Download PDF")


def test_feeds_carry_the_pdf_as_an_enclosure(visitor, lavrov):
    call_command("make_pdfs", "--site-url", "http://testserver", stdout=io.StringIO())
    size = GeneratedPDF.objects.get(publication=lavrov).size
    paths = [
        "/feeds/publications/rss/",
        "/feeds/publications/atom/",
        "/feeds/series/commentaries/rss/",
        "/feeds/authors/chris-cheang/atom/",
        "/search/feed/?q=Lavrov",
    ]
    for path in paths:
        feed = feedparser.parse(visitor.get(path).content)
        assert not feed.bozo, feed.bozo_exception
        (enclosure,) = feed.entries[0].enclosures
        assert enclosure.href == "http://testserver/p/CO21113.pdf"
        assert enclosure.type == "application/pdf"
        assert int(enclosure.length) == size
    for path in ("/feeds/publications/json/", "/search/feed/json/?q=Lavrov"):
        (attachment,) = json_feed(visitor.get(path))["items"][0]["attachments"]
        assert attachment == {
            "url": "http://testserver/p/CO21113.pdf",
            "mime_type": "application/pdf",
            "size_in_bytes": size,
        }


def test_make_pdfs_makes_what_is_missing_or_outdated_only(lavrov, commentaries):
    other = PublicationFactory(series=commentaries)
    AuthorshipFactory(publication=other, name="Outside Writer", person=None)
    PublicationFactory(series=commentaries, status="draft", published_at=None, code=None)
    out = io.StringIO()
    call_command("make_pdfs", "--site-url", "https://www.rsis.edu.sg", stdout=out)
    assert "2 PDFs made, 0 up to date, 0 failed" in out.getvalue()
    Publication.objects.filter(pk=lavrov.pk).update(title="A corrected title")
    bump_generation()
    out = io.StringIO()
    call_command("make_pdfs", "--site-url", "https://www.rsis.edu.sg", stdout=out)
    assert "1 PDFs made, 1 up to date, 0 failed" in out.getvalue()
    text = text_of(PdfReader(GeneratedPDF.objects.get(publication=lavrov).file.open("rb")))
    assert "A corrected title" in text and "https://www.rsis.edu.sg/p/CO21113/" in text


def test_make_pdfs_needs_the_site_address(lavrov):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="site-url"):
        call_command("make_pdfs", stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_readers_asking_together_get_one_pdf_made_once(
    live_server, monkeypatch, lavrov, settings, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (as in production)")
    # Files on disk as in production (the in-memory test storage shares one read position).
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    calls = []
    real = printing.render_pdf

    def slow(*args):
        calls.append(1)
        time.sleep(0.5)  # long enough for every reader to arrive while it prints
        return real(*args)

    monkeypatch.setattr(printing, "render_pdf", slow)
    results = []

    def ask():
        url = f"{live_server.url}/p/CO21113.pdf"
        with urllib.request.urlopen(url, timeout=30) as r:  # noqa: S310 - the test server
            results.append((r.status, r.headers["ETag"], len(r.read())))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert len(results) == 4 and len({etag for _, etag, _ in results}) == 1
    assert all(status == 200 and size > 1000 for status, _, size in results)


def test_a_withdrawn_or_deleted_item_leaves_no_pdf_in_the_storage(
    visitor, lavrov, commentaries, django_capture_on_commit_callbacks
):
    visitor.get("/p/CO21113.pdf")
    name = GeneratedPDF.objects.get(publication=lavrov).file.name
    with django_capture_on_commit_callbacks(execute=True):
        lavrov.status = "withdrawn"
        lavrov.save()
    assert not GeneratedPDF.objects.exists()
    assert not default_storage.exists(name)

    other = PublicationFactory(series=commentaries)
    visitor.get(f"/p/{other.code}.pdf")
    name = GeneratedPDF.objects.get(publication=other).file.name
    with django_capture_on_commit_callbacks(execute=True):
        other.delete()
    assert not default_storage.exists(name)


def test_serving_a_pdf_keeps_its_queries_bounded(
    visitor, lavrov, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    # Printed now: the item and its parts, the site's facts, and the record made under its lock.
    with django_capture_on_commit_callbacks(execute=True), django_assert_max_num_queries(21):
        assert visitor.get("/p/CO21113.pdf").status_code == 200
    with django_assert_max_num_queries(1):  # whether the made file is current
        assert visitor.get("/p/CO21113.pdf").status_code == 200
    with django_assert_max_num_queries(1):
        assert visitor.get("/p/CO21113.pdf", headers={"if-none-match": "x"}).status_code == 200
