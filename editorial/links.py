"""Links to this site's own pages and files, and whether readers can open them.

A body links to items and pages of this site by their address ("/publications/…",
"/p/CO21113/", or a full address of this site). Whether such an address answers for the public
is decided without asking for the page: the address is resolved to its view, and the app that
owns the view says, for many addresses at once, which of them show something public
(``registry.register_link_targets``). An address that its own view does not answer may still
answer as a content page at a free address or as an old address kept as a redirect
(``registry.register_link_fallback``). Files (library pictures and documents, and the site's
own static files) are looked for where they are kept.
"""

from collections import defaultdict
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.http.request import split_domain_port, validate_host
from django.urls import Resolver404, resolve

from . import registry

GONE_PAGE = "nothing public is there (it may be a draft, withdrawn, moved or deleted)"
GONE_FILE = "the file is no longer in the media library"
GONE_STATIC = "there is no such file on this site"


def site_hosts():
    """The host names of this site, as full addresses may name it (never a wildcard)."""
    hosts = [host for host in settings.ALLOWED_HOSTS if host != "*"]
    site_url = urlsplit(getattr(settings, "SITE_URL", "") or "")
    if site_url.hostname:
        hosts.append(site_url.hostname)
    return hosts


def internal_path(href, hosts=None):
    """The path on this site that ``href`` leads to (``"/publications/x/"``), without its query
    and fragment; None for an address elsewhere, an e-mail address or a place in the page."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
            return None
        host, _port = split_domain_port(parts.netloc.rsplit("@", 1)[-1])
        if not host or not validate_host(host, site_hosts() if hosts is None else hosts):
            return None
    elif not href.startswith("/"):
        return None
    return unquote(parts.path) or "/"


def unreachable(paths):
    """``{path: why readers cannot open it}`` for those of ``paths`` (paths of this site) that
    do not answer for the public. One batch of queries per kind of address, whatever the
    number of paths."""
    paths = set(paths)
    media_url, static_url = settings.MEDIA_URL, settings.STATIC_URL
    problems = {}
    waiting = defaultdict(list)  # view name -> [(path, kwargs)]
    for path in sorted(paths):
        if media_url.startswith("/") and path.startswith(media_url):
            if not _file_exists(path[len(media_url) :]):
                problems[path] = GONE_FILE
            continue
        if static_url.startswith("/") and path.startswith(static_url):
            if not _static_exists(path[len(static_url) :]):
                problems[path] = GONE_STATIC
            continue
        match = _resolve(path)
        if match is None:
            problems[path] = GONE_PAGE
        elif match.view_name in registry.LINK_TARGETS:
            waiting[match.view_name].append((path, match.kwargs))
    for view_name, found in waiting.items():
        answers = registry.LINK_TARGETS[view_name]([kwargs for _path, kwargs in found])
        for (path, _kwargs), public in zip(found, answers, strict=True):
            if not public:
                problems[path] = GONE_PAGE
    for answers in registry.LINK_FALLBACKS:
        pages = sorted(path for path, why in problems.items() if why == GONE_PAGE)
        if not pages:
            break
        for path in answers(pages):
            problems.pop(path, None)
    return problems


def _resolve(path):
    """The view ``path`` leads to, with the slash the site adds to an address without one."""
    for candidate in (path, f"{path}/") if not path.endswith("/") else (path,):
        try:
            return resolve(candidate)
        except Resolver404:
            continue
    return None


def _static_exists(name):
    if not name or ".." in name.split("/"):
        return False
    try:
        return bool(finders.find(name))
    except Exception:  # noqa: BLE001 - a name the finders refuse is no file of this site
        return False


def _file_exists(name):
    if not name or ".." in name.split("/"):
        return False
    try:
        return default_storage.exists(name)
    except Exception:  # noqa: BLE001 - a storage that cannot tell is not a broken link
        return True
