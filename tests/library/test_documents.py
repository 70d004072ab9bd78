"""Documents in the media library: real files accepted, anything else refused with a reason."""

import pytest
from django.core.files.storage import default_storage

from library.models import Document

from ..factories import jpeg_bytes
from .conftest import DOCUMENTS, document_form, office_bytes, pdf_bytes, upload

ADD = f"{DOCUMENTS}add/"
MB = 1024 * 1024


def form_errors(response):
    return response.context["adminform"].form.errors


def test_upload_of_a_real_pdf_is_saved_with_its_kind_and_size(staff_client):
    response = staff_client.post(ADD, document_form())

    assert response.status_code == 302, form_errors(response)
    document = Document.objects.get()
    with default_storage.open(document.file.name) as stored:
        stored_size = len(stored.read())  # the cleaned copy's size, not the upload's
    assert (document.title, document.kind, document.size) == (
        "Annual report 2024",
        "pdf",
        stored_size,
    )
    assert document.file.name.startswith("library/documents/")
    assert document.file.name.endswith("/annual-report.pdf")
    assert document.uploaded_by.is_superuser
    assert document.get_absolute_url() == document.file.url


@pytest.mark.parametrize(
    ("name", "kind"),
    [("budget.xlsx", "excel"), ("briefing.docx", "word"), ("slides.PPTX", "powerpoint")],
)
def test_real_office_files_are_accepted(staff_client, name, kind):
    extension = name.rsplit(".", 1)[1].lower()

    response = staff_client.post(ADD, document_form(file=upload(name, office_bytes(extension))))

    assert response.status_code == 302, form_errors(response)
    assert Document.objects.get().kind == kind


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("figures.csv", b"Year,Visitors\n2023,1200\n2024,1450\n", "csv"),
        ("notes.txt", "\ufeffPrésentation: Asia–Pacific security\n".encode(), "text"),
    ],
)
def test_utf8_csv_and_text_are_accepted(staff_client, name, content, kind):
    response = staff_client.post(ADD, document_form(file=upload(name, content)))

    assert response.status_code == 302, form_errors(response)
    assert Document.objects.get().kind == kind


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.pdf", jpeg_bytes(), "This file is not a PDF."),
        ("broken.pdf", b"%PDF-1.7\nnot really a pdf", "This PDF cannot be read"),
        ("report.docx", pdf_bytes(), "This is not a real Word file (.docx)"),
        ("budget.xlsx", office_bytes("docx"), "This is not a real Excel file (.xlsx)"),
        ("slides.pptx", b"PK\x03\x04 broken archive", "not a real PowerPoint file"),
        ("macro.docx", office_bytes("docx", macros=True), "contains macros"),
        ("data.csv", b"Year,Visitors\n2023,\x00\x01\x02", "holds binary data"),
        ("notes.txt", "Pr\xe9sentation".encode("latin-1"), "not Plain text in UTF-8"),
        ("page.txt", b"<!DOCTYPE html><script>alert(1)</script>", "web-page markup"),
        ("image.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "Upload a PDF, Word"),
        ("setup.exe", b"MZ\x90\x00", "Upload a PDF, Word"),
        ("no-extension", b"hello", "Upload a PDF, Word"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Upload a PDF, Word"),
    ],
    ids=[
        "image-renamed-pdf",
        "broken-pdf",
        "pdf-renamed-docx",
        "word-renamed-xlsx",
        "broken-zip",
        "macros",
        "binary-csv",
        "latin1-text",
        "html-as-text",
        "svg",
        "exe",
        "no-extension",
        "old-word",
    ],
)
def test_refused_document_gets_a_form_error_and_nothing_is_saved(
    staff_client, name, content, message
):
    response = staff_client.post(ADD, document_form(file=upload(name, content)))

    assert response.status_code == 200
    assert message in " ".join(form_errors(response)["file"])
    assert not Document.objects.exists()


def test_oversize_document_is_refused(staff_client):
    content = b"a,b\n" * (20 * MB // 4) + b"x"

    response = staff_client.post(ADD, document_form(file=upload("big.csv", content)))

    assert response.status_code == 200
    assert form_errors(response)["file"] == [
        "This file is 20.0\xa0MB; documents may be at most 20.0\xa0MB."
    ]
    assert not Document.objects.exists()


def test_change_page_shows_the_address_to_copy_into_a_link(staff_client):
    staff_client.post(ADD, document_form())
    document = Document.objects.get()

    response = staff_client.get(f"{DOCUMENTS}{document.pk}/change/")

    page = response.content.decode()
    assert f"<code>{document.file.url}</code>" in page
    assert "click the link button and paste this address" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("annual", ["Annual report 2024"]),  # title
        ("year in review", ["Annual report 2024"]),  # description
        ("ministry", ["Defence white paper"]),  # credit
        ("open government", ["Defence white paper"]),  # licence
        ("white-paper", ["Defence white paper"]),  # file name
    ],
)
def test_admin_search_finds_documents(staff_client, query, expected):
    staff_client.post(ADD, document_form())
    staff_client.post(
        ADD,
        document_form(
            file=upload("white-paper.pdf", pdf_bytes()),
            title="Defence white paper",
            description="",
            credit="Ministry of Defence",
            licence="Open Government Licence",
        ),
    )

    response = staff_client.get(DOCUMENTS, {"q": query})

    assert [d.title for d in response.context["cl"].result_list] == expected


def test_document_list_filters_by_kind(staff_client):
    staff_client.post(ADD, document_form())
    staff_client.post(
        ADD, document_form(file=upload("figures.csv", b"a,b\n1,2\n"), title="Figures")
    )

    response = staff_client.get(DOCUMENTS, {"kind__exact": "csv"})

    assert [d.title for d in response.context["cl"].result_list] == ["Figures"]
    assert "csv" in response.content.decode().lower()


def test_contributor_may_upload_a_document_but_not_delete_it(contributor_client):
    assert contributor_client.post(ADD, document_form()).status_code == 302
    document = Document.objects.get()

    response = contributor_client.post(f"{DOCUMENTS}{document.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert Document.objects.filter(pk=document.pk).exists()
