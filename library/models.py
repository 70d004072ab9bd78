"""The media library: pictures and documents uploaded once and reused in any page or item."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit

from core.images import MAX_UPLOAD_BYTES, RENDITION_STRATEGY, ValidatedImageField, credit_line
from core.media import site_address

from .documents import (
    MAX_DOCUMENT_BYTES,
    Kind,
    ValidatedDocumentField,
    kind_of,
    prepare_document,
)

#: Widest a picture is shown in a body: twice the text column (46rem), for sharp screens.
BODY_WIDTH = 1472
THUMBNAIL = (320, 240)
LOOKS_LIKE_FILE_NAME = re.compile(r".*\.(jpe?g|png|webp|gif|tiff?|heic)\s*", re.IGNORECASE)


def _fit(width, height=None):
    """A rendition at most ``width`` (and ``height``) pixels, in the source's own format."""
    return ImageSpecField(
        source="file",
        processors=[ResizeToFit(width, height, upscale=False)],
        options={"quality": 82},
        cachefile_strategy=RENDITION_STRATEGY,
    )


class LibraryImageField(ValidatedImageField):
    """A validated image field that also records the size of the image as stored."""

    def pre_save(self, model_instance, add):
        new_upload = (
            bool(getattr(model_instance, self.attname))
            and not getattr(model_instance, self.attname)._committed
        )
        file = super().pre_save(model_instance, add)
        if new_upload:
            # The stored image is a re-encoded copy: measure that copy, not the upload.
            self.update_dimension_fields(model_instance, force=True)
        return file


class Upload(models.Model):
    """Who put a file in the library, and when."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Image(Upload):
    file = LibraryImageField(
        "image",
        upload_to="library/images/%Y/%m/",
        width_field="width",
        height_field="height",
        help_text=f"JPEG, PNG or WebP, at most {MAX_UPLOAD_BYTES // (1024 * 1024)} MB. "
        "Camera details and location are removed when it is saved.",
    )
    title = models.CharField(
        max_length=200, help_text="A name to find the image by in the library (not shown)."
    )
    alt_text = models.CharField(
        "alternative text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for people who cannot see it, e.g. “The Minister "
        "speaking at the RSIS conference”. Required unless the image is decorative.",
    )
    decorative = models.BooleanField(
        default=False,
        help_text="Tick only if the image adds nothing to the text (an ornament or a "
        "background). Screen readers then skip it and the alternative text is not used.",
    )
    credit = models.CharField(
        max_length=300,
        blank=True,
        help_text="Who made the image or where it comes from, e.g. “Reuters” or “RSIS”.",
    )
    licence = models.CharField(
        max_length=100,
        blank=True,
        help_text="The terms it is used under, e.g. “CC BY 4.0”, “© RSIS” or “Used with "
        "permission”.",
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)

    body_size = _fit(BODY_WIDTH)
    thumbnail = _fit(*THUMBNAIL)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["-created_at", "-id"], name="library_image_recent")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # The site's own address: redirects to library files never lead off the site.
        return site_address(self.file.name)

    def clean(self):
        alt = self.alt_text.strip()
        self.alt_text = alt
        if not self.decorative and not alt:
            raise ValidationError(
                {
                    "alt_text": "Describe what the image shows, or tick “decorative” if it "
                    "adds nothing to the text."
                },
                code="alt_required",
            )
        if alt and LOOKS_LIKE_FILE_NAME.fullmatch(alt):
            raise ValidationError(
                {"alt_text": "This looks like a file name; describe what the image shows."},
                code="alt_file_name",
            )

    @property
    def alt(self):
        """The text for the ``alt`` attribute: empty for a decorative image."""
        return "" if self.decorative else self.alt_text

    @property
    def credit_line(self):
        """Credit and licence as one line, each said once, e.g. “Reuters, CC BY 4.0” or
        “© RSIS” (not “RSIS, © RSIS”); empty if neither."""
        return credit_line(self.credit, self.licence)

    @property
    def body_address(self):
        """The address to use for this image in a body (its rendition sized for the text), on
        the site itself whatever storage holds it (see ``core.media.site_address``)."""
        return site_address(self.body_size.name)


class Document(Upload):
    file = ValidatedDocumentField(
        "document",
        upload_to="library/documents/%Y/%m/",
        max_length=200,
        help_text=f"PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), CSV or plain text "
        f"(.txt), at most {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB. Files with macros or a "
        "password are refused.",
    )
    title = models.CharField(
        max_length=300, help_text="What the document is, as readers should see it in a link."
    )
    description = models.TextField(
        blank=True, help_text="A short note for editors: what it contains, where it is used."
    )
    credit = models.CharField(
        max_length=300,
        blank=True,
        help_text="The author or source, if not RSIS, e.g. “Ministry of Defence”.",
    )
    licence = models.CharField(
        max_length=100,
        blank=True,
        help_text="The terms it is shared under, if not RSIS's own, e.g. “CC BY 4.0”.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, editable=False)
    size = models.PositiveBigIntegerField("size in bytes", default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["-created_at", "-id"], name="library_document_recent")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.kind = kind_of(self.file.name) or self.kind
            if not self.file._committed:
                # The size of what is stored: a PDF is cleaned before it is saved.
                self.file.file = prepare_document(self.file.file)
                self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # The site's own address: redirects to library files never lead off the site.
        return site_address(self.file.name)
