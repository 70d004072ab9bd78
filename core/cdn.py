"""Telling the shared caches (a CDN, nginx's cache) that the site's content changed.

Public answers may be kept by shared caches for ``CDN_S_MAXAGE`` (``core.http_cache``); after
each committed change (``core.content_cache.on_change``: once per transaction or import, not
per row) one task is queued that purges every configured cache, so the request that made the
change never waits for a CDN. A cache that does not answer within ``CDN_PURGE_TIMEOUT`` or
refuses is logged and left to expire by itself.

What is purged is everything: a change of content can show on any page (the menu, the
latest lists, the feeds), as the content generation says.
"""

import json
import logging
import shutil
import urllib.request
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string
from django_tasks import task

logger = logging.getLogger(__name__)


class HttpPurge:
    """A POST to ``url`` asking to purge everything, in the shape Cloudflare's purge API
    takes (other endpoints may ignore the body), with the bearer ``token`` if given."""

    def __init__(self, url, token=""):
        self.url, self.token = url, token

    def purge(self):
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        body = json.dumps({"purge_everything": True}).encode()
        # The address is the operator's, checked to be http(s) by the settings.
        request = urllib.request.Request(self.url, body, headers, method="POST")  # noqa: S310
        # An answer other than 2xx raises HTTPError.
        with urllib.request.urlopen(request, timeout=settings.CDN_PURGE_TIMEOUT):  # noqa: S310
            pass

    def __str__(self):
        return self.url


class NginxCachePurge:
    """Empty nginx's ``proxy_cache_path`` on this machine: a cached page whose file is gone is
    fetched again from the site. The site's user must be allowed to write that folder."""

    def __init__(self, directory):
        self.directory = Path(directory)

    def purge(self):
        for entry in self.directory.iterdir():
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)

    def __str__(self):
        return str(self.directory)


def purgers():
    """Every cache the settings name."""
    found = [HttpPurge(url, settings.CDN_PURGE_TOKEN) for url in settings.CDN_PURGE_URLS]
    if settings.NGINX_CACHE_DIR:
        found.append(NginxCachePurge(settings.NGINX_CACHE_DIR))
    if settings.CDN_PURGE_BACKEND:
        found.append(import_string(settings.CDN_PURGE_BACKEND)())
    return found


@task(priority=50)  # before queued emails: readers should see the change at once
def purge_caches():
    for purger in purgers():
        try:
            purger.purge()
        except Exception:
            logger.exception("The cache %s could not be purged; it will expire by itself", purger)


def purge_after_change():
    """Queue the purge (see ``core.content_cache.on_change``), if any cache is configured."""
    if not (settings.CDN_PURGE_URLS or settings.NGINX_CACHE_DIR or settings.CDN_PURGE_BACKEND):
        return
    try:
        purge_caches.enqueue()
    except Exception:
        logger.exception("The purge of the shared caches could not be queued")
