"""The PDF fields of publications: only readable PDFs are taken, each stored as its copy
without active content (see ``core.pdfs``)."""

import io
import logging

from django import forms
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.signals import post_init
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from core.pdfs import CLEANING_NOTE, clean_pdf

logger = logging.getLogger(__name__)


#: How much of an uploaded PDF's text is kept for search: enough for a long report.
MAX_TEXT_PAGES = 400
MAX_TEXT_CHARS = 300_000


def pdf_text(file):
    """The text of the PDF ``file`` (an open file or upload), for the search index.

    Empty when the file holds no text layer (a scan) or cannot be read: a PDF that was
    accepted on upload is still served whatever its text gives.
    """
    try:
        file.seek(0)
        reader = PdfReader(io.BytesIO(file.read()), strict=False)
        parts, length = [], 0
        for page in reader.pages[:MAX_TEXT_PAGES]:
            text = page.extract_text() or ""
            parts.append(text)
            length += len(text)
            if length >= MAX_TEXT_CHARS:
                break
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        logger.warning("The text of %s could not be read", file)
        return ""
    finally:
        file.seek(0)
    return " ".join(" ".join(parts).split())[:MAX_TEXT_CHARS]


class PDFUploadFormField(forms.FileField):
    """A file form field that keeps only readable PDFs, each replaced by its cleaned copy."""

    default_validators = [FileExtensionValidator(["pdf"])]

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None:
            upload = clean_pdf(upload)
        return upload


class ValidatedPDFField(models.FileField):
    """A FileField that takes only readable PDFs and stores them cleaned by ``clean_pdf``.

    With ``text_field``, the name of a field declared after it, the PDF's text is kept there
    (for search) whenever a new file is stored, and emptied when the file is removed.
    """

    def __init__(self, *args, text_field=None, **kwargs):
        self.text_field = text_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.text_field:
            kwargs["text_field"] = self.text_field
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        kwargs.setdefault("help_text", self.help_text)
        kwargs["help_text"] = f"{kwargs['help_text']} {CLEANING_NOTE}".strip()
        return super().formfield(**{"form_class": PDFUploadFormField, **kwargs})

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if self.text_field and not cls._meta.abstract:
            post_init.connect(self._remember_stored_name, sender=cls, weak=False)

    def _stored_key(self):
        return f"_{self.attname}_stored_name"

    def _remember_stored_name(self, instance, **kwargs):
        value = instance.__dict__.get(self.attname)
        instance.__dict__[self._stored_key()] = getattr(value, "name", value) or ""

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            file.file = clean_pdf(file.file)  # also when a file is attached outside the admin
            if self.text_field:
                setattr(model_instance, self.text_field, pdf_text(file.file))
        elif self.text_field and file.name != model_instance.__dict__.get(self._stored_key()):
            # Another file was attached (stored before the item was saved), or none is left.
            setattr(model_instance, self.text_field, self._text_of(file))
        if self.text_field:
            model_instance.__dict__[self._stored_key()] = file.name or ""
        return super().pre_save(model_instance, add)

    @staticmethod
    def _text_of(file):
        if not file:
            return ""
        try:
            with file.storage.open(file.name, "rb") as opened:
                return pdf_text(opened)
        except OSError:
            return ""
