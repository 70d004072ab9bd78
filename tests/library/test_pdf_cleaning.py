"""PDFs in the media library are stored without scripts, embedded files or hidden markup."""

import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.storage import default_storage
from pypdf import PdfReader

from library.models import Document

from ..pdf_files import ACTIVE_MARKERS, TEXT, TITLE, hostile_pdf, polyglot_pdf, text_pdf
from .conftest import DOCUMENTS, document_form, upload

ADD = f"{DOCUMENTS}add/"


def stored_bytes(document):
    with default_storage.open(document.file.name) as stored:
        return stored.read()


def removal_messages(response):
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    return [message for message in messages if message.startswith("Removed from")]


def assert_readable_and_clean(content, pages):
    assert not [marker for marker in ACTIVE_MARKERS if marker in content]
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == pages
    assert reader.metadata.title == TITLE
    for number, page in enumerate(reader.pages, start=1):
        assert f"{TEXT}, page {number}" in page.extract_text()
    return reader


def test_scripts_actions_and_embedded_files_are_removed_from_an_uploaded_pdf(staff_client):
    response = staff_client.post(
        ADD, document_form(file=upload("hostile-report.pdf", hostile_pdf(3), "application/pdf"))
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get()
    content = stored_bytes(document)
    reader = assert_readable_and_clean(content, pages=3)
    assert "/OpenAction" not in reader.trailer["/Root"]
    assert "/AA" not in reader.pages[0]
    links = [annotation.get_object() for annotation in reader.pages[0]["/Annots"]]
    # The web link and the link to the last page are kept; the Launch and javascript: ones go.
    assert [link["/A"]["/URI"] for link in links if "/A" in link] == ["https://www.rsis.edu.sg/"]
    internal = [link["/Dest"] for link in links if "/Dest" in link]
    assert len(internal) == 1
    assert internal[0][0].idnum == reader.pages[2].indirect_reference.idnum
    assert (document.kind, document.size) == ("pdf", len(content))
    [message] = removal_messages(response)
    assert "Removed from “hostile-report.pdf”" in message
    for removed in ("JavaScript", "actions that open other files or programs", "embedded files"):
        assert removed in message


def test_a_pdf_that_is_also_a_web_page_is_stored_without_the_markup(staff_client):
    response = staff_client.post(
        ADD, document_form(file=upload("polyglot-report.pdf", polyglot_pdf(2), "application/pdf"))
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    content = stored_bytes(Document.objects.get())
    assert b"<html" not in content.lower()
    assert_readable_and_clean(content, pages=2)
    assert "web-page markup hidden in the file" in removal_messages(response)[0]


def test_a_plain_pdf_keeps_its_pages_and_no_message_is_shown(staff_client):
    response = staff_client.post(
        ADD, document_form(file=upload("plain-report.pdf", text_pdf(2), "application/pdf"))
    )

    assert response.status_code == 302
    assert_readable_and_clean(stored_bytes(Document.objects.get()), pages=2)
    assert not removal_messages(response)


def test_replacing_the_file_of_a_document_cleans_the_new_pdf(staff_client):
    staff_client.post(
        ADD, document_form(file=upload("report-v1.pdf", text_pdf(1), "application/pdf"))
    )
    document = Document.objects.get()

    response = staff_client.post(
        f"{DOCUMENTS}{document.pk}/change/",
        document_form(file=upload("report-v2.pdf", hostile_pdf(2), "application/pdf")),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    document.refresh_from_db()
    assert document.file.name.endswith("/report-v2.pdf")
    assert_readable_and_clean(stored_bytes(document), pages=2)


def test_a_document_saved_outside_the_admin_is_cleaned_too(db):
    document = Document(title="Annual report")
    document.file = upload("outside-admin.pdf", hostile_pdf(2))
    document.save()

    content = stored_bytes(document)
    assert_readable_and_clean(content, pages=2)
    assert document.size == len(content)


@pytest.mark.parametrize(
    "content",
    [b"<html><script>alert(1)</script></html>", b"%PDF-1.7\n<script>alert(1)</script>"],
    ids=["web-page", "pdf-header-then-web-page"],
)
def test_a_web_page_named_pdf_is_refused_and_nothing_saved(staff_client, content):
    response = staff_client.post(ADD, document_form(file=upload("web-page.pdf", content)))

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["file"])
    assert "not a PDF" in errors or "cannot be read" in errors
    assert not Document.objects.exists()


def test_the_upload_form_says_pdfs_are_cleaned(staff_client):
    page = staff_client.get(ADD).content.decode()

    assert "PDFs are cleaned on upload" in page
