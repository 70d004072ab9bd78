"""Uploaded files in an S3-compatible bucket, stored so that the bucket serves them safely.

With ``MEDIA_STORAGE_URL`` set (``rsis_site/settings/media.py``) every uploaded or generated
file (photos and their renditions, publication PDFs, the media library) is kept in one bucket
that every app server shares, so that no server keeps anything on its own disk that a request
needs. Pages link to the files at the bucket's public address (its CDN domain when one is
given), without a signature: a signed address would expire inside cached pages.

A bucket cannot add the headers ``core.media`` adds to the files the site serves itself, so
each object is written with what makes it safe on its own: the content type its checked name
says, a download disposition for everything but raster images (a document or PDF never opens
as a page), and the site's public Cache-Control. The bucket should answer on a host of its own
(the CDN domain), so that even a file that is not what it claims cannot act as this site.
"""

import mimetypes
import posixpath

from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage

from .http_cache import public_cache_control
from .media import INLINE_TYPES


class MediaStorage(S3Storage):
    """django-storages' S3 backend writing each object with its safety headers."""

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        params.setdefault("ContentType", content_type)
        params.setdefault("CacheControl", public_cache_control())
        if params["ContentType"] not in INLINE_TYPES:
            disposition = content_disposition_header(True, posixpath.basename(name))
            params.setdefault("ContentDisposition", disposition)
        return params
