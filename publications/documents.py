"""The PDF fields of publications: only readable PDFs are taken, each stored as its copy
without active content (see ``core.pdfs``)."""

from django import forms
from django.core.validators import FileExtensionValidator
from django.db import models

from core.pdfs import CLEANING_NOTE, clean_pdf


class PDFUploadFormField(forms.FileField):
    """A file form field that keeps only readable PDFs, each replaced by its cleaned copy."""

    default_validators = [FileExtensionValidator(["pdf"])]

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None:
            upload = clean_pdf(upload)
        return upload


class ValidatedPDFField(models.FileField):
    """A FileField that takes only readable PDFs and stores them cleaned by ``clean_pdf``."""

    def formfield(self, **kwargs):
        kwargs.setdefault("help_text", self.help_text)
        kwargs["help_text"] = f"{kwargs['help_text']} {CLEANING_NOTE}".strip()
        return super().formfield(**{"form_class": PDFUploadFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            file.file = clean_pdf(file.file)  # also when a file is attached outside the admin
        return super().pre_save(model_instance, add)
