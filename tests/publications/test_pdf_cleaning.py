"""A publication's PDF is stored without scripts, embedded files or hidden markup."""

import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from publications.models import Publication
from tests.factories import PublicationFactory

from ..pdf_files import ACTIVE_MARKERS, TEXT, TITLE, hostile_pdf, polyglot_pdf, text_pdf
from .test_admin import ADD_URL, publication_form

MB = 1024 * 1024


def pdf_upload(content, name="cleaned-paper.pdf"):
    return SimpleUploadedFile(name, content, "application/pdf")


def stored_bytes(publication):
    with default_storage.open(publication.pdf.name) as stored:
        return stored.read()


def assert_readable_and_clean(content, pages):
    assert not [marker for marker in ACTIVE_MARKERS if marker in content]
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == pages
    assert reader.metadata.title == TITLE
    for number, page in enumerate(reader.pages, start=1):
        assert f"{TEXT}, page {number}" in page.extract_text()


@pytest.mark.parametrize(
    ("make", "removed"),
    [(hostile_pdf, "JavaScript"), (polyglot_pdf, "web-page markup hidden in the file")],
    ids=["active-content", "web-page-inside"],
)
def test_the_pdf_of_a_new_publication_is_stored_cleaned(staff_client, commentaries, make, removed):
    response = staff_client.post(ADD_URL, publication_form(commentaries, pdf=pdf_upload(make(3))))

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert_readable_and_clean(stored_bytes(Publication.objects.get()), pages=3)
    [message] = [str(m) for m in get_messages(response.wsgi_request) if "Removed from" in str(m)]
    assert removed in message


def test_a_pdf_replaced_on_the_change_page_is_stored_cleaned(staff_client, commentaries):
    publication = PublicationFactory(series=commentaries, slug="ports-and-power")
    data = publication_form(
        commentaries, pdf=pdf_upload(hostile_pdf(2), "replaced-on-change-page.pdf")
    )

    response = staff_client.post(f"/admin/publications/publication/{publication.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    publication.refresh_from_db()
    assert publication.pdf.name.endswith("/replaced-on-change-page.pdf")
    assert_readable_and_clean(stored_bytes(publication), pages=2)


def test_a_pdf_attached_outside_the_admin_is_stored_cleaned(commentaries):
    publication = PublicationFactory(series=commentaries)
    publication.pdf = pdf_upload(polyglot_pdf(2))
    publication.save()

    assert_readable_and_clean(stored_bytes(publication), pages=2)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7\n<html><script>alert(1)</script></html>", "cannot be read"),
        (b"<html><script>alert(1)</script></html>", "not a PDF"),
    ],
)
def test_a_file_that_is_not_a_readable_pdf_is_refused(staff_client, commentaries, content, message):
    response = staff_client.post(ADD_URL, publication_form(commentaries, pdf=pdf_upload(content)))

    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["pdf"])
    assert not Publication.objects.exists()


def test_a_pdf_with_too_many_pages_is_refused(staff_client, commentaries, monkeypatch):
    monkeypatch.setattr("core.pdfs.MAX_PDF_PAGES", 2)

    response = staff_client.post(
        ADD_URL, publication_form(commentaries, pdf=pdf_upload(text_pdf(3)))
    )

    assert response.status_code == 200
    assert "PDFs may have at most 2" in " ".join(response.context["adminform"].form.errors["pdf"])
    assert not Publication.objects.exists()


def test_a_deeply_nested_pdf_is_refused_quickly(staff_client, commentaries):
    content = text_pdf(1)
    page = content.index(b"/Type /Page\n")
    nested = content[:page] + b"/Deep " + b"[" * 50_000 + b"]" * 50_000 + b"\n" + content[page:]

    response = staff_client.post(ADD_URL, publication_form(commentaries, pdf=pdf_upload(nested)))

    assert response.status_code == 200
    assert "pdf" in response.context["adminform"].form.errors
    assert not Publication.objects.exists()


def test_the_pdf_field_says_pdfs_are_cleaned(staff_client, commentaries):
    page = staff_client.get(ADD_URL).content.decode()

    assert "PDFs are cleaned on upload" in page


def test_an_uploaded_pdf_is_served_as_a_download(visitor, commentaries):
    publication = PublicationFactory(series=commentaries, code="CO21113")
    publication.pdf = pdf_upload(polyglot_pdf(2))
    publication.save()
    response = visitor.get("/p/CO21113.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="CO21113.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert_readable_and_clean(b"".join(response.streaming_content), pages=2)
