"""Uploaded documents: each file is checked by what it contains, not only by its name.

Accepted: PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), CSV and plain text. Office files
with macros, old binary Office formats and password-protected files are refused, and a PDF is
stored as its copy without scripts, embedded files or other active content: readers should be
able to open every document safely.
"""

import zipfile

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from core.pdfs import CLEANING_NOTE, check_pdf, clean_pdf
from core.uploads import check_size

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class Kind(models.TextChoices):
    PDF = "pdf", "PDF"
    WORD = "word", "Word"
    EXCEL = "excel", "Excel"
    POWERPOINT = "powerpoint", "PowerPoint"
    CSV = "csv", "CSV"
    TEXT = "text", "Plain text"


KIND_BY_EXTENSION = {
    "pdf": Kind.PDF,
    "docx": Kind.WORD,
    "xlsx": Kind.EXCEL,
    "pptx": Kind.POWERPOINT,
    "csv": Kind.CSV,
    "txt": Kind.TEXT,
}
ACCEPTED = "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), CSV or plain text (.txt)"

# The part every Office file of each kind has, and how its table of contents names it.
OFFICE_MAIN_PART = {
    Kind.WORD: (
        "word/document.xml",
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ),
    Kind.EXCEL: (
        "xl/workbook.xml",
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
    Kind.POWERPOINT: (
        "ppt/presentation.xml",
        b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ),
}
MAX_OFFICE_PARTS = 10_000
MAX_OFFICE_UNPACKED_BYTES = 500 * 1024 * 1024
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
MARKUP_STARTS = (b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script", b"<head", b"<body")


def kind_of(name):
    """The Kind for a file name, from its extension, or None if it is not accepted."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return KIND_BY_EXTENSION.get(extension)


def check_document(upload):
    """Return the Kind of ``upload``, or raise a ValidationError saying why it is refused."""
    kind = kind_of(upload.name or "")
    if kind is None:
        raise ValidationError(f"Upload a {ACCEPTED} file.", code="bad_extension")
    check_size(upload, MAX_DOCUMENT_BYTES, "documents")
    upload.seek(0)
    try:
        if kind == Kind.PDF:
            check_pdf(upload)
        elif kind in OFFICE_MAIN_PART:
            _check_office(upload, kind)
        else:
            _check_text(upload, kind)
    finally:
        upload.seek(0)
    return kind


def prepare_document(upload):
    """Check ``upload`` and return the file to store: a PDF's cleaned copy, or the upload itself.

    The file returned carries its ``document_kind``; one that already does is returned as it is,
    so that a file checked by the form is not checked again when it is saved.
    """
    if hasattr(upload, "document_kind"):
        return upload
    kind = check_document(upload)
    if kind == Kind.PDF:
        upload = clean_pdf(upload)
    upload.document_kind = kind
    return upload


def _check_office(upload, kind):
    label = kind.label
    not_real = ValidationError(
        f"This is not a real {label} file (.{_extension(kind)}), whatever its name says. Open "
        f"it in {label} and save it again in that format.",
        code="not_office",
    )
    try:
        with zipfile.ZipFile(upload) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_OFFICE_PARTS or (
                sum(part.file_size for part in parts) > MAX_OFFICE_UNPACKED_BYTES
            ):
                raise ValidationError(
                    f"This {label} file unpacks to too much data to be a normal document.",
                    code="too_big_unpacked",
                )
            names = {part.filename for part in parts}
            main_part, main_type = OFFICE_MAIN_PART[kind]
            if "[Content_Types].xml" not in names or main_part not in names:
                raise not_real
            contents = archive.getinfo("[Content_Types].xml")
            if contents.file_size > MAX_CONTENT_TYPES_BYTES:
                raise not_real
            table = archive.read(contents)
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise not_real from exc
    if b"macroenabled" in table.lower() or any(
        name.lower().endswith("vbaproject.bin") for name in names
    ):
        raise ValidationError(
            f"This {label} file contains macros. Save it without macros "
            f"(as .{_extension(kind)}) and upload it again.",
            code="macros",
        )
    if main_type not in table:
        raise not_real


def _check_text(upload, kind):
    data = upload.read()
    if b"\x00" in data:
        raise ValidationError(
            f"This file is not {kind.label} (it holds binary data).", code="not_text"
        )
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"This file is not {kind.label} in UTF-8. Save it again choosing UTF-8 (in Excel: "
            "“CSV UTF-8”) and upload it again.",
            code="not_utf8",
        ) from exc
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(MARKUP_STARTS):
        raise ValidationError(f"This file holds web-page markup, not {kind.label}.", code="markup")


def _extension(kind):
    return next(ext for ext, value in KIND_BY_EXTENSION.items() if value == kind)


class DocumentUploadFormField(forms.FileField):
    """A file form field that keeps only documents ``check_document`` accepts, PDFs cleaned."""

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None:
            upload = prepare_document(upload)
        return upload


class ValidatedDocumentField(models.FileField):
    """A FileField for documents whose new uploads are checked, and cleaned, on the way in."""

    def formfield(self, **kwargs):
        kwargs.setdefault("help_text", self.help_text)
        kwargs["help_text"] = f"{kwargs['help_text']} {CLEANING_NOTE}".strip()
        return super().formfield(**{"form_class": DocumentUploadFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            file.file = prepare_document(file.file)  # also when attached outside the admin
        return super().pre_save(model_instance, add)
