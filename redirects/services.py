"""Keeping old addresses: reading an address, and making, checking and forgetting a redirect.

One call per change, used alike by the admin's form, its CSV import, the automatic redirects of
moved items and an importer of an old website. A redirect never leads off the site, to itself
or round in a loop; a call costs two queries (the check of the target, one write).
"""

import re
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import F
from django.db.models.functions import Now

from .models import MAX_PATH, URL_SAFE, Redirect

#: The query keys of WordPress's own addresses (/?p=123: a post by its number), kept as part
#: of an old address; any other query is dropped.
WORDPRESS_KEYS = ("p", "page_id", "cat", "tag", "attachment_id", "author")
#: How many redirects one after the other are followed to find a loop.
MAX_HOPS = 5
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: What is written over when an old address gets a new answer.
WRITTEN = ["content_type", "object_id", "target_path", "status", "source", "updated_at"]


def site_path(url_or_path):
    """``url_or_path`` as an old address is kept: its path, percent-decoded (as a request's
    ``path`` is), e.g. ``/2021/06/my-post/``; with a query only for WordPress's own addresses,
    as ``/?p=123``. A full address counts for its path, whatever its host.

    None for what cannot be an address of a site: not a path from “/”, another scheme than
    http(s), control characters, backslashes, or longer than an old address may be.
    """
    parts = _split(url_or_path)
    if parts is None:
        return None
    try:
        path = unquote(parts.path or "/", errors="strict")
    except UnicodeDecodeError:
        return None
    if not _plain_path(path):
        return None
    wordpress = wordpress_path(dict(parse_qsl(parts.query)))
    if wordpress and path in ("/", "/index.php"):
        path = wordpress
    return path if len(path) <= MAX_PATH else None


def wordpress_path(query):
    """The old address of a WordPress query (``{"p": "123"}`` gives ``/?p=123``), or None."""
    for key in WORDPRESS_KEYS:
        value = (query.get(key) or "").strip()
        if value and _plain_path(value, leading=False):
            return f"/?{key}={value}"
    return None


def target_address(url_or_path):
    """``url_or_path`` as a redirect's target: a path of this site, percent-encoded, with its
    query and fragment; a full address only if it is on this site (``settings.SITE_URL``).

    Raises ValidationError when it is anything else: another website (also as ``//host/``),
    another scheme (``javascript:``), a relative path, backslashes or control characters.
    """
    parts = _split(url_or_path)
    if parts is None:
        raise ValidationError(
            "Give an address on this site, starting with “/” (e.g. /publications/), or a "
            "full address of this site."
        )
    if parts.netloc:
        own = urlsplit(settings.SITE_URL or "")
        host = parts.hostname or ""
        if (
            parts.scheme.lower() not in ("http", "https")
            or (host.lower(), parts.port) != ((own.hostname or "").lower(), own.port)
            or parts.username
            or parts.password
        ):
            raise ValidationError(
                f"“{host or url_or_path}” is not this site: a redirect only leads to an "
                "address on this site."
            )
    try:
        path = unquote(parts.path or "/", errors="strict")
    except UnicodeDecodeError:
        path = ""
    if not _plain_path(path):
        raise ValidationError("This is not an address on this site.")
    address = quote(path, safe=URL_SAFE)
    if parts.query:
        address += "?" + quote(parts.query, safe=URL_SAFE + "%?")
    if parts.fragment:
        address += "#" + quote(parts.fragment, safe=URL_SAFE + "%?")
    return address


def redirect_check(*, old, target=None, path="", status=Redirect.Status.MOVED, pk=None):
    """The old address and target path of a redirect as it would be kept, after checking it.

    ``target`` is an item (the redirect follows it as it moves), ``path`` an address of this
    site; a “Gone” redirect (410) has neither. The old address is a path or a full address
    (``site_path``). The redirect must not lead to itself, nor round in a loop through the
    redirects kept (``pk``: the redirect being changed, left out of that search).

    Raises ValidationError, by field (``old_path``, ``target_path``, ``status``).
    """
    old_path = site_path(old or "")
    if old_path is None:
        raise ValidationError(
            {
                "old_path": "Give the old address as a path starting with “/” (e.g. "
                "/2021/06/my-post/) or as a full address."
            }
        )
    if status == Redirect.Status.GONE:
        if target is not None or path:
            raise ValidationError(
                {"target_path": "A “Gone” address leads nowhere: leave “go to” empty."}
            )
        return old_path, ""
    if status != Redirect.Status.MOVED:
        raise ValidationError({"status": "Choose “Moved” (301) or “Gone” (410)."})
    if target is not None and path:
        raise ValidationError({"target_path": "Give either an item or an address, not both."})
    if target is not None:
        address = target.get_absolute_url() if target.pk is not None else ""
        if not address or not _plain_path(address) or site_path(address) is None:
            raise ValidationError({"target_path": f"“{target}” has no address on this site."})
        path_kept = ""
    elif path:
        try:
            address = path_kept = target_address(path)
        except ValidationError as error:
            raise ValidationError({"target_path": error.messages}) from None
    else:
        raise ValidationError({"target_path": "Give the address to send visitors to."})
    _check_no_loop(old_path, address, pk=pk)
    return old_path, path_kept


def redirect_to(
    old, *, target=None, path="", status=Redirect.Status.MOVED, source=Redirect.Source.EDITOR
):
    """Keep ``old`` (a path or a full address) as a redirect: to the item ``target``, which it
    follows wherever the item moves, or to ``path`` (an address of this site); with
    ``status=410`` and no target, as “Gone”. An existing redirect of ``old`` is replaced (its
    visits are kept). Two queries. Returns the redirect as written (its visits not read).

    Raises ValidationError (see ``redirect_check``).
    """
    old_path, target_path = redirect_check(old=old, target=target, path=path, status=status)
    redirect = Redirect(old_path=old_path, target_path=target_path, status=status, source=source)
    if target is not None:
        redirect.content_type = ContentType.objects.get_for_model(target)
        redirect.object_id = target.pk
    write([redirect])
    return redirect


def write(redirects):
    """Keep ``redirects`` (unsaved, already checked) in one query, each replacing the redirect
    of its old address if there is one."""
    if redirects:
        Redirect.objects.bulk_create(
            redirects,
            update_conflicts=True,
            unique_fields=["old_path"],
            update_fields=WRITTEN,
            batch_size=1000,
        )


def forget(old):
    """Stop keeping ``old`` (a path or a full address): it answers as any other address.
    Returns whether there was a redirect."""
    old_path = site_path(old or "")
    return old_path is not None and bool(Redirect.objects.filter(old_path=old_path).delete()[0])


def forget_all(paths):
    """Stop keeping every one of ``paths`` (old addresses as kept): they are live again."""
    if paths:
        Redirect.objects.filter(old_path__in=list(paths)).delete()


def redirect_find(paths):
    """The redirect kept for the first of ``paths`` (old addresses as kept) that has one, or
    None (one query)."""
    paths = [path for path in paths if len(path) <= MAX_PATH and _plain_path(path)]
    if not paths:
        return None  # nothing that could have been kept (control characters...)
    found = {r.old_path: r for r in Redirect.objects.filter(old_path__in=paths)}
    return next((found[path] for path in paths if path in found), None)


def redirect_visited(redirect):
    """Count a visit of ``redirect`` (one query, whatever the number of visitors at once)."""
    Redirect.objects.filter(pk=redirect.pk).update(hits=F("hits") + 1, last_hit_at=Now())


def with_and_without_slash(path):
    """``path`` and the same path with or without its trailing slash (not for ``/?p=1``)."""
    if "?" in path or path == "/":
        return [path]
    other = path[:-1] if path.endswith("/") else path + "/"
    return [path, other]


def same_place(first, second):
    """Whether two old addresses are the same page (a trailing slash aside)."""
    return first.rstrip("/") == second.rstrip("/")


def on_site(location):
    """Whether ``location`` is an address of this site a browser cannot read as another's."""
    return isinstance(location, str) and _plain_path(location) and location.startswith("/")


def _check_no_loop(old_path, address, *, pk=None):
    """Refuse a redirect from ``old_path`` to ``address`` that leads back to ``old_path``,
    directly or through the redirects kept (followed up to ``MAX_HOPS`` times)."""
    seen = [old_path]
    for _hop in range(MAX_HOPS):
        here = site_path(address)
        if here is None:
            return
        if any(same_place(here, place) for place in seen):
            if len(seen) == 1:
                raise ValidationError({"target_path": "A redirect cannot lead to its own address."})
            raise ValidationError(
                {
                    "target_path": f"This would make a loop: {' → '.join([*seen, here])}. "
                    "Visitors would never arrive."
                }
            )
        seen.append(here)
        candidates = Redirect.objects.filter(old_path__in=with_and_without_slash(here))
        if pk is not None:
            candidates = candidates.exclude(pk=pk)
        following = next(iter(candidates[:1]), None)
        if following is None:
            return
        address = following.target_url()
        if address is None:
            return


def _split(url_or_path):
    """``url_or_path`` split into its parts, or None when it cannot be an address at all."""
    if not isinstance(url_or_path, str):
        return None
    text = url_or_path.strip()
    if not text or "\\" in text or CONTROL.search(text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme and (parts.scheme.lower() not in ("http", "https") or not parts.netloc):
        return None
    if parts.netloc and not parts.path.startswith("/") and parts.path:
        return None
    if not parts.netloc and not parts.path.startswith("/"):
        return None
    return parts


def _plain_path(path, *, leading=True):
    """Whether ``path`` (decoded) is a plain path: from a single “/”, no control characters
    nor backslashes (a browser reads “/\\host” and “//host” as another site)."""
    if CONTROL.search(path) or "\\" in path:
        return False
    return not leading or (path.startswith("/") and not path.startswith("//"))
