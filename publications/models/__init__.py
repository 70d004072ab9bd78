"""The publications' models, by subject: series and categories, publications, outside work."""

from .external import ExternalPublication
from .printed import GeneratedPDF
from .publication import (
    Authorship,
    HomeFeature,
    IssuedCode,
    Publication,
    PublicationQuerySet,
    authored_public_work,
    validate_code,
    validate_code_format,
)
from .series import CODE_PATTERN, RESERVED_SERIES_SLUGS, Category, Series, SeriesCounter

__all__ = [
    "CODE_PATTERN",
    "RESERVED_SERIES_SLUGS",
    "Authorship",
    "Category",
    "ExternalPublication",
    "GeneratedPDF",
    "HomeFeature",
    "IssuedCode",
    "Publication",
    "PublicationQuerySet",
    "Series",
    "SeriesCounter",
    "authored_public_work",
    "validate_code",
    "validate_code_format",
]
