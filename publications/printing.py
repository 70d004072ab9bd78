"""The PDF of a publication: the editor's upload, or one the site makes from the web version.

The site prints an item with WeasyPrint from ``publications/print.html`` (the same includes as
the page) and the print stylesheet, as a tagged PDF/UA-1 document: structure tree, reading
order, language, title, embedded fonts, alt text. Every PDF made is named by a *fingerprint*
of all it prints: the rendered HTML (which carries the text, the authors' bios, the series'
disclaimer, the picture files' names and the citation), the stylesheet and the library's
version. A correction, a new bio or a changed disclaimer gives a new fingerprint, so a stale
PDF is never served; an unchanged item is never printed twice.

The made file is kept in the media storage (so it survives restarts and can be served by the
web server or a CDN) and recorded in ``GeneratedPDF``. When many readers ask for a PDF not yet
made, the first prints it while the others wait on the record's row lock and then serve the
same file. A render that fails is logged, remembered for ``RETRY_AFTER`` and answered 503;
the page itself never depends on it.
"""

import hashlib
import importlib.metadata
import logging
from datetime import timedelta
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Enclosure

from core.content_cache import memo
from core.media import site_address
from core.site import get_site_context

from . import citations
from .models import GeneratedPDF

logger = logging.getLogger(__name__)

PRINT_TEMPLATE = "publications/print.html"
PRINT_STYLESHEET = "css/print.css"
PDF_VARIANT = "pdf/ua-1"
#: How long a failed render is not tried again for the same content.
RETRY_AFTER = timedelta(minutes=5)


def origin(request):
    """The scheme and host printed in permanent links: ``SITE_URL`` when set, else the
    request's own (so that one item is not printed again for each host name it is asked by)."""
    return settings.SITE_URL.rstrip("/") or f"{request.scheme}://{request.get_host()}"


def file_name(publication):
    """What a reader's copy is called: the code (``CO21113.pdf``), else the slug."""
    return f"{publication.code or publication.slug}.pdf"


def print_html(publication, site_origin, *, draft=False):
    """The HTML document printed for ``publication``, with addresses under ``site_origin``."""

    def absolute(url):
        return f"{site_origin}{url}"

    context = {
        "publication": publication,
        "site": get_site_context(),
        "draft": draft,
        "image_url": _image_url(publication),
        "citation": citations.reference(publication, absolute),
        "permanent_url": absolute(f"/p/{publication.code}/") if publication.code else "",
        "page_url": absolute(publication.get_absolute_url()),
    }
    return render_to_string(PRINT_TEMPLATE, context)


def _image_url(publication):
    """The feature image at print size (its 1600-pixel rendition, else the original), at the
    site's own address, which ``media_fetcher`` reads from the storage wherever it is."""
    if not publication.image:
        return ""
    try:
        rendition = publication.image_1600_jpeg
        if default_storage.exists(rendition.name):
            return site_address(rendition.name)
    except (OSError, ValueError):
        logger.warning("No print rendition of %s", publication.image.name)
    return site_address(publication.image.name)


@cache
def _stylesheet():
    path = finders.find(PRINT_STYLESHEET)
    return Path(path).read_text(encoding="utf-8")


def fingerprint(html):
    """What names a printed version: its HTML, the stylesheet and the printing library."""
    digest = hashlib.sha256()
    for part in (importlib.metadata.version("weasyprint"), PDF_VARIANT, _stylesheet(), html):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def render_pdf(html, site_origin):
    """The PDF bytes of ``html``: pictures come from the media storage, nothing else is fetched.

    The printing library is loaded here, on the first print, not when the site starts: it
    takes some 40 MB, which a worker that never prints does not need.
    """
    from weasyprint import CSS, HTML

    document = HTML(string=html, base_url=f"{site_origin}/", url_fetcher=media_fetcher(site_origin))
    return document.write_pdf(
        stylesheets=[CSS(string=_stylesheet())],
        pdf_variant=PDF_VARIANT,
        uncompressed_pdf=False,
    )


def media_fetcher(site_origin):
    """A fetcher of files of the media storage only (feature images, pictures in the body).

    A body may only hold pictures from the media library (see ``core.richtext``); anything else
    (another host, a local file, a data address) is refused, so that printing never makes a
    request on an author's behalf.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    host = urlsplit(site_origin).netloc

    class MediaFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or parts.netloc != host:
                raise ValueError(f"Not a file of this site: {url}")
            if not parts.path.startswith(settings.MEDIA_URL):
                raise ValueError(f"Not a media file: {url}")
            name = unquote(parts.path[len(settings.MEDIA_URL) :])
            if not name or ".." in name.split("/"):
                raise ValueError(f"Not a media file: {url}")
            with default_storage.open(name, "rb") as file:
                return URLFetcherResponse(url, file.read())

    return MediaFetcher(allowed_protocols={"http", "https"})


def current_fingerprint(publication, site_origin):
    """The fingerprint of the public item's printed version, worked out once per generation."""
    return memo(
        f"publications:print:{site_origin}:{publication.pk}",
        lambda: fingerprint(print_html(publication, site_origin)),
    )


def generated_pdf(publication, site_origin):
    """The current made PDF of the public ``publication`` (a ``GeneratedPDF``), made now if
    needed; None if it cannot be made (logged)."""
    wanted = current_fingerprint(publication, site_origin)
    record = GeneratedPDF.objects.filter(publication=publication.pk).first()
    if record is not None and record.fingerprint == wanted and record.file:
        return record
    return make_pdf(publication, site_origin)


def make_pdf(publication, site_origin, *, now=None):
    """Print ``publication`` unless its current version has been printed (or failed) already.

    The row lock on its ``GeneratedPDF`` makes concurrent callers wait for the first one's
    file instead of printing it again.
    """
    html = print_html(publication, site_origin)
    wanted = fingerprint(html)
    _ensure_record(publication)
    with transaction.atomic():
        record = GeneratedPDF.objects.select_for_update().get(publication=publication.pk)
        if record.fingerprint == wanted and record.file:
            return record
        now = now or timezone.now()
        if record.failed_fingerprint == wanted and record.failed_at > now - RETRY_AFTER:
            return None
        try:
            data = render_pdf(html, site_origin)
        except Exception:
            logger.exception("The PDF of %s could not be made", file_name(publication))
            record.failed_fingerprint, record.failed_at = wanted, now
            record.save(update_fields=["failed_fingerprint", "failed_at"])
            return None
        old_name = record.file.name
        stem = file_name(publication).removesuffix(".pdf")
        record.file.save(f"{stem}-{wanted[:16]}.pdf", ContentFile(data), save=False)
        record.fingerprint, record.size, record.made_at = wanted, len(data), now
        record.failed_fingerprint, record.failed_at = "", None
        record.save()
        if old_name and old_name != record.file.name:
            transaction.on_commit(lambda: _delete_quietly(old_name))
    return record


def _ensure_record(publication):
    try:
        with transaction.atomic():
            GeneratedPDF.objects.get_or_create(publication_id=publication.pk)
    except IntegrityError:
        pass  # made by a concurrent request in the meantime


def _delete_quietly(name):
    try:
        default_storage.delete(name)
    except OSError:
        logger.warning("The old PDF %s could not be deleted", name)


def draft_pdf(publication, site_origin):
    """A PDF of an item that is not public, marked as a draft: made afresh, never kept."""
    return render_pdf(print_html(publication, site_origin, draft=True), site_origin)


def pdf_size(publication):
    """The size in bytes of the PDF a reader gets now, or None while none has been made.

    For a made PDF this is the latest one's: a correction shows its new size once printed.
    """
    if publication.pdf:
        try:
            return publication.pdf.size
        except OSError:
            logger.warning("The uploaded PDF %s is missing", publication.pdf.name)
            return None
    record = getattr(publication, "generated_pdf", None)
    return record.size if record is not None and record.file else None


def enclosure(publication, site_origin):
    """The feed enclosure of ``publication``'s PDF; its length is 0 until the site has made it
    (as the RSS Advisory Board advises when a length is not known)."""
    if publication.code:
        url = reverse("publications:pdf", args=[publication.code])
    else:
        url = reverse("publications:item-pdf", args=[publication.series.slug, publication.slug])
    length = pdf_size(publication) or 0
    return Enclosure(f"{site_origin}{url}", str(length), "application/pdf")


def forget_unpublished(sender, instance, **kwargs):
    """Remove the made PDF of an item that is no longer given out (withdrawn, back to draft):
    its file must not stay reachable in the media storage."""
    if instance.status in type(instance).RELEASED:
        return
    for record in GeneratedPDF.objects.filter(publication=instance.pk):
        record.delete()  # its file goes with it (``remove_file``)


def remove_file(sender, instance, **kwargs):
    """Delete a made PDF's file once the deletion of its record is committed."""
    if instance.file:
        name = instance.file.name
        transaction.on_commit(lambda: _delete_quietly(name))
