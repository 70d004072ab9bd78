"""Uploaded PDFs: only real, readable PDF files of a sensible size are accepted."""

import logging

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from core.uploads import check_size

MAX_PDF_BYTES = 20 * 1024 * 1024

logging.getLogger("pypdf").setLevel(logging.ERROR)


def check_pdf(upload):
    """Raise a ValidationError unless ``upload`` is a PDF that opens and has at least one page."""
    check_size(upload, MAX_PDF_BYTES, "PDFs")
    upload.seek(0)
    try:
        if upload.read(5) != b"%PDF-":
            raise ValidationError("This file is not a PDF.", code="not_pdf")
        upload.seek(0)
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                "This PDF is password-protected; upload one readers can open.", code="encrypted"
            )
        if len(reader.pages) < 1:
            raise ValidationError("This PDF has no pages.", code="empty")
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise ValidationError(
            "This PDF cannot be read (it may be damaged or not a PDF at all).", code="invalid_pdf"
        ) from exc
    finally:
        upload.seek(0)


class PDFUploadFormField(forms.FileField):
    default_validators = [FileExtensionValidator(["pdf"])]

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None:
            check_pdf(upload)
        return upload


class ValidatedPDFField(models.FileField):
    """A FileField that takes only PDFs checked by ``check_pdf``."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PDFUploadFormField, **kwargs})
