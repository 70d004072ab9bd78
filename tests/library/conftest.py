"""Clients for the media library's tests, and real files to upload."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PillowImage
from pypdf import PdfWriter

from library.models import Image

from ..factories import UserFactory, jpeg_bytes, logged_in

IMAGES = "/admin/library/image/"
DOCUMENTS = "/admin/library/document/"
PICKER = "/admin/library/image/picker/"

OFFICE = {
    "docx": ("word/document.xml", "wordprocessingml.document"),
    "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet"),
    "pptx": ("ppt/presentation.xml", "presentationml.presentation"),
}


def png_bytes(width=200, height=120):
    buffer = io.BytesIO()
    PillowImage.new("RGBA", (width, height), (0, 90, 160, 128)).save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_bytes():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def office_bytes(extension, *, macros=False, main_part=None):
    """A minimal Office Open XML file of the kind ``extension`` names (docx, xlsx, pptx)."""
    part, family = OFFICE[extension]
    content_type = f"application/vnd.openxmlformats-officedocument.{family}.main+xml"
    if macros:
        content_type = "application/vnd.ms-word.document.macroEnabled.main+xml"
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/{part}" ContentType="{content_type}"/>'
        "</Types>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr(main_part or part, "<document/>")
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00macro")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def image_form(**overrides):
    data = {
        "file": upload("harbour.jpg", jpeg_bytes(640, 400), "image/jpeg"),
        "title": "Harbour at dawn",
        "alt_text": "Container cranes at Pasir Panjang at dawn",
        "credit": "Reuters",
        "licence": "Used with permission",
    }
    data.update(overrides)
    return data


def document_form(**overrides):
    data = {
        "file": upload("annual-report.pdf", pdf_bytes(), "application/pdf"),
        "title": "Annual report 2024",
        "description": "The school's year in review.",
        "credit": "",
        "licence": "",
    }
    data.update(overrides)
    return data


def saved_image(file_name="harbour.jpg", content=None, **fields):
    """An image saved as the admin saves it (validated, normalised, renditions made)."""
    values = {
        "title": "Harbour at dawn",
        "alt_text": "Container cranes at dawn",
        "credit": "Reuters",
        "licence": "Used with permission",
    }
    values.update(fields)
    image = Image(**values)
    image.file = upload(file_name, content or jpeg_bytes(640, 400))
    image.full_clean()
    image.save()
    return image


@pytest.fixture
def staff_without_roles_client(db):
    return logged_in(UserFactory(is_staff=True, username="no-role"))


@pytest.fixture
def anonymous():
    return Client()
