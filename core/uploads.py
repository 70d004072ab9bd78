"""Checks shared by every kind of upload."""

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
