"""Checks shared by every kind of upload, and what the admin tells editors about them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat


def check_size(upload, limit, kinds):
    """Refuse ``upload`` if it is larger than ``limit`` bytes (``kinds``: “images”, “PDFs”)."""
    if upload.size > limit:
        raise ValidationError(
            f"This file is {filesizeformat(upload.size)}; {kinds} may be at most "
            f"{filesizeformat(limit)}.",
            code="too_big",
        )


class CleanedUploadMessageMixin:
    """For a ModelAdmin: after saving, tell the editor what was taken out of an uploaded file.

    An upload that was cleaned on the way in carries ``active_content_removed`` (see
    ``core.pdfs.clean_pdf``). Editors should know that the stored file differs
    from theirs, for instance that a form in it no longer submits.
    """

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for upload in form.cleaned_data.values():
            removed = getattr(upload, "active_content_removed", None)
            if removed:
                self.message_user(
                    request,
                    f"Removed from “{upload.name}” for readers' safety: {', '.join(removed)}. "
                    "Its text and pages are unchanged.",
                    messages.WARNING,
                )
