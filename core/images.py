"""Uploaded images: strict validation, normalisation on save, and renditions for templates.

Every image field of the site is a ``ValidatedImageField``: the admin refuses anything Pillow
cannot fully decode, oversize files and absurd pixel counts; what is accepted is re-encoded with
its EXIF orientation applied and all metadata (camera, GPS) dropped.
"""

import io
import re
import warnings
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill
from PIL import Image, ImageFile, ImageOps

from .memory import BoundedLRU
from .uploads import check_size

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MIN_SIDE = 64
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ALIASES = {"MPO": "JPEG"}  # phone cameras' multi-picture JPEGs: the first picture is kept
RENDITION_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"


def open_checked_image(upload):
    """Open ``upload`` with Pillow and fully decode it, or raise a ValidationError saying why."""
    check_size(upload, MAX_UPLOAD_BYTES, "images")
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in FORMATS and image.format not in ALIASES:
                raise ValidationError("Upload a JPEG, PNG or WebP image.", code="bad_format")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    f"This image is {width}×{height} pixels; the limit is "
                    f"{MAX_PIXELS // 1_000_000} megapixels.",
                    code="too_many_pixels",
                )
            if min(width, height) < MIN_SIDE:
                raise ValidationError(
                    f"This image is {width}×{height} pixels; each side needs at least {MIN_SIDE}.",
                    code="too_small",
                )
            _load_whole(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            f"This image has too many pixels; the limit is {MAX_PIXELS // 1_000_000} megapixels.",
            code="too_many_pixels",
        ) from exc
    except ValidationError:
        raise
    except Exception as exc:  # Pillow raises many types for broken files
        raise ValidationError(
            "This file is not an image we can read (it may be damaged or not an image at all).",
            code="invalid_image",
        ) from exc
    finally:
        upload.seek(0)
    return image


def _load_whole(image):
    """Decode every byte of ``image``: a truncated file is refused even where a library has told
    Pillow to accept such files for the whole process (WeasyPrint does, for printing)."""
    tolerant = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        image.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = tolerant


def normalised_image(image):
    """Re-encode ``image`` upright, without EXIF, ICC or other metadata, in its own format."""
    fmt = ALIASES.get(image.format, image.format)
    upright = ImageOps.exif_transpose(image)
    if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    elif upright.mode in ("P", "PA"):
        upright = upright.convert("RGBA")  # a bare copy would lose the palette
    clean = Image.new(upright.mode, upright.size)
    clean.paste(upright)
    buffer = io.BytesIO()
    options = {"JPEG": {"quality": 88, "optimize": True}, "PNG": {"optimize": True}}
    clean.save(buffer, format=fmt, **options.get(fmt, {"quality": 88}))
    return ContentFile(buffer.getvalue()), FORMATS[fmt]


class ImageUploadFormField(forms.ImageField):
    """An image form field that decodes the whole file, not just its header."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        upload.image = open_checked_image(upload)
        upload.content_type = Image.MIME.get(ALIASES.get(upload.image.format, upload.image.format))
        return upload


class ValidatedImageField(models.ImageField):
    """An ImageField whose new uploads are validated and stored normalised."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            image = open_checked_image(file)
            content, extension = normalised_image(image)
            stem = file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0][:80] or "image"
            file.save(f"{stem}.{extension}", content, save=False)
        return file


def rendition(source, width, height, fmt):
    """An image rendition made when the source is saved (no storage lookups when shown)."""
    return ImageSpecField(
        source=source,
        processors=[ResizeToFill(width, height)],
        format=fmt,
        options={"quality": 80},
        cachefile_strategy=RENDITION_STRATEGY,
    )


@dataclass(frozen=True)
class Picture:
    """What a ``<picture>`` element needs: WebP and JPEG sources at 1x and 2x, and the size."""

    webp_srcset: str
    jpeg_src: str
    jpeg_srcset: str
    width: int
    height: int
    #: For a picture as wide as its column: how wide it is shown, so that a browser fetches
    #: the smaller file where it suffices (a phone need not take the 2x one). Empty for
    #: pictures of a fixed size, whose sources are given as 1x and 2x.
    sizes: str = ""


#: The Pictures made, most recently used kept within this many bytes of their sources' text.
PICTURE_MEMO_BYTES = 2**20
_pictures = BoundedLRU(lambda: PICTURE_MEMO_BYTES)


def picture(instance, prefix, width, height, sizes=""):
    """The Picture for renditions named ``<prefix>_<w>_{webp,jpeg}`` at ``width`` and 2x;
    with ``sizes`` (how wide it is shown), its sources are described by their widths.

    Rendition names depend only on the source file's name and the rendition's settings, and
    working them out is costly, so each Picture is kept in memory once made.
    """
    source = getattr(instance, prefix).name
    key = (instance._meta.label, prefix, width, height, source, sizes)
    found = _pictures.get(key)
    if found is None:
        found = _make_picture(instance, prefix, width, height, sizes)
        size = len(found.webp_srcset) + len(found.jpeg_src) + len(found.jpeg_srcset) + len(sizes)
        _pictures.put(key, found, size + len(source))
    return found


def _make_picture(instance, prefix, width, height, sizes):
    def url(size, fmt):
        return getattr(instance, f"{prefix}_{size}_{fmt}").url

    one, two = width, width * 2
    first, second = (f"{one}w", f"{two}w") if sizes else ("1x", "2x")
    return Picture(
        webp_srcset=f"{url(one, 'webp')} {first}, {url(two, 'webp')} {second}",
        jpeg_src=url(one, "jpeg"),
        jpeg_srcset=f"{url(one, 'jpeg')} {first}, {url(two, 'jpeg')} {second}",
        width=width,
        height=height,
        sizes=sizes,
    )


def picture_html(picture, *, alt, css_class="", lazy=False):
    """A ``<picture>`` element for ``picture``: WebP first, JPEG fallback, fixed dimensions."""
    return format_html(
        '<picture><source type="image/webp" srcset="{}">'
        '<img src="{}" srcset="{}" width="{}" height="{}" alt="{}"{}{} decoding="async">'
        "</picture>",
        picture.webp_srcset,
        picture.jpeg_src,
        picture.jpeg_srcset,
        picture.width,
        picture.height,
        alt,
        format_html(' class="{}"', css_class) if css_class else "",
        mark_safe(' loading="lazy"') if lazy else "",  # noqa: S308 - constant
    )


FEATURE = (800, 450)
#: A feature image fills the main column: 50rem beside the sidebar, the screen less its
#: margins below 960 px (see ``.with-sidebar`` in site.css).
FEATURE_SIZES = "(min-width: 960px) 50rem, calc(100vw - 2rem)"


def feature_image(*, upload_to, help_text):
    """The field of an item's feature image, shown 16:9 (``FEATURE``) with its renditions."""
    return ValidatedImageField(upload_to=upload_to, blank=True, help_text=help_text)


def feature_alt():
    return models.CharField(
        "image description (alt text)",
        max_length=250,
        blank=True,
        help_text="What the image shows, for people who cannot see it, e.g. “The Minister "
        "speaking at the RSIS conference”.",
    )


def feature_credit():
    return models.CharField(
        max_length=300,
        blank=True,
        help_text="Where the image comes from, e.g. “Source: Kremlin.ru, flickr”.",
    )


def feature_licence():
    return models.CharField(
        max_length=100,
        blank=True,
        help_text="The terms it is used under, e.g. “CC BY-NC-SA 2.0” or “© RSIS”.",
    )


#: Words that only introduce a credit or a licence: "Source: Reuters" credits Reuters.
_CREDIT_MARKS = re.compile(r"©|\(c\)|\b(copyright|source|photo|image|picture|credit)\b:?")


def _credit_words(text):
    return " ".join(re.findall(r"\w+", _CREDIT_MARKS.sub(" ", text.casefold())))


def credit_line(credit, licence):
    """An image's credit and licence as one line, each said once.

    “Reuters” and “CC BY 4.0” give “Reuters, CC BY 4.0”; where one already says the other
    (“RSIS” and “© RSIS”, or the credit “Source: flickr, CC BY-NC-SA 2.0” with the licence
    “CC BY-NC-SA 2.0”), only the fuller one is given: “© RSIS”, not “RSIS, © RSIS”.
    """
    credit, licence = (credit or "").strip(), (licence or "").strip()
    if not (credit and licence):
        return credit or licence
    said, terms = _credit_words(credit), _credit_words(licence)
    if f" {said} " in f" {terms} ":
        return licence
    if f" {terms} " in f" {said} ":
        return credit
    return f"{credit}, {licence}"


class FeatureImage(models.Model):
    """An item with a feature image: its renditions and the ``<picture>`` made of them.

    The item declares the fields itself, with ``feature_image()`` and ``feature_alt()`` (and
    ``feature_credit()``, ``feature_licence()`` where its images are credited), so that they keep
    their place among its own fields: forms, exports and version comparisons list fields in
    the order they are declared.
    """

    image_800_jpeg = rendition("image", *FEATURE, "JPEG")
    image_800_webp = rendition("image", *FEATURE, "WEBP")
    image_1600_jpeg = rendition("image", FEATURE[0] * 2, FEATURE[1] * 2, "JPEG")
    image_1600_webp = rendition("image", FEATURE[0] * 2, FEATURE[1] * 2, "WEBP")

    class Meta:
        abstract = True

    def feature_picture(self):
        return picture(self, "image", *FEATURE, sizes=FEATURE_SIZES) if self.image else None

    @property
    def image_credit_line(self):
        """The caption under the image: its credit and licence, each said once."""
        return credit_line(getattr(self, "image_credit", ""), getattr(self, "image_licence", ""))
