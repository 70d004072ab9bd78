"""Uploaded files (photos, renditions, PDFs, library documents) served with safe headers.

In the documented production set-up nginx serves ``MEDIA_URL`` straight from the disk with the
same headers (``deploy/nginx/rsis.conf``); this view answers wherever nothing in front of the
site does (a plain gunicorn, the development server, a load balancer without file serving).
It reads through the default storage, so it works with whatever storage holds the files.

Every answer says ``nosniff`` and carries a sandboxing Content-Security-Policy, so a file that
is not what its name says cannot run as a page of the site. Raster images are shown inline;
everything else (PDFs included) is a download. How long browsers and CDNs keep them is said by
``core.http_cache``, as for pages.
"""

import mimetypes
import posixpath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils.encoding import filepath_to_uri
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe

INLINE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"}
SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def site_address(name):
    """The site's own address of the stored file ``name``: under ``MEDIA_URL``, answered by
    ``media_file`` from whichever storage holds it.

    Bodies and printed PDFs name files by this address rather than the storage's (a bucket or
    CDN host), so that rich text never names a storage host (moving the files needs no
    rewrite of what editors wrote) and printing reads pictures from the storage itself.
    """
    return f"{settings.MEDIA_URL}{filepath_to_uri(name)}"


@require_safe
def media_file(request, path):
    name = posixpath.normpath(path).lstrip("/")
    if name != path or name.startswith("..") or "\x00" in name:
        raise Http404("No such file.")
    try:
        if not default_storage.exists(name):
            raise Http404("No such file.")
        modified = default_storage.get_modified_time(name)
        opened = default_storage.open(name)  # a folder cannot be opened: 404, not 500
    except (SuspiciousFileOperation, NotImplementedError, OSError, ValueError) as error:
        raise Http404("No such file.") from error

    last_modified = http_date(modified.timestamp())
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if since is not None and int(modified.timestamp()) <= since:
        opened.close()
        return safe_headers(HttpResponseNotModified(), last_modified)

    content_type, _ = mimetypes.guess_type(name)
    content_type = content_type or "application/octet-stream"
    response = FileResponse(
        opened,
        content_type=content_type,
        as_attachment=content_type not in INLINE_TYPES,
        filename=posixpath.basename(name),
    )
    return safe_headers(response, last_modified)


def safe_headers(response, last_modified):
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX
    response["Last-Modified"] = last_modified
    return response
