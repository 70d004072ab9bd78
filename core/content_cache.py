"""One cache for everything the public sees, refreshed as a whole when content changes.

A *generation* token, kept in the shared cache, changes whenever a watched model is saved,
deleted, moved or has its relations changed. Derived values (the menu, the site facts, rendered
fragments) are stored under the current generation, both in the shared cache and in this
process's memory, so a warm request costs one small cache read and no database query. Whole
anonymous pages are cached the same way by ``core.middleware.PageCacheMiddleware``.

While the shared cache cannot be reached, each process makes do with a generation of its own
(``_outage_generation``): renewed by every change this process makes and at least every
``OUTAGE_GENERATION_SECONDS``, so this process's memory still serves repeated requests and a
change made by another process shows within that time. When the shared cache answers again,
a process that changed content meanwhile starts a new shared generation, because its changes
could not be announced through it.
"""

import hashlib
import threading
import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.safestring import mark_safe

from . import redis_cache
from .memory import BoundedLRU
from .metrics import CONTENT_HIT, CONTENT_MISS

GENERATION_KEY = "content:generation"
SHARED_TIMEOUT = 24 * 60 * 60
OUTAGE_GENERATION_SECONDS = 10

# This process's copies, within ``settings.CONTENT_CACHE_LOCAL_BYTES``.
_local = BoundedLRU(lambda: settings.CONTENT_CACHE_LOCAL_BYTES)
_MISSING = object()
_deadline_providers = []
_change_hooks = []
# Per thread: whether a change awaits its commit, for the hooks of ``on_change``.
_awaiting = threading.local()
_outage = {"token": None, "ends": 0.0, "missed": False}
request_generation = ContextVar("request_generation", default=None)
# While set (see ``one_generation``): whether a change was made meanwhile, and the private
# generation under which this process sees its own changes until the batch ends.
_held = ContextVar("held_generation", default=None)
# While set (see ``unkept``): changes about to be rolled back, which nothing may remember
# beyond the block (what is built meanwhile is kept in this dict until it ends).
_unkept = ContextVar("unkept_changes", default=None)


def register_deadline(provider):
    """Add ``provider``: a callable giving the next moment (an aware datetime, or None) at
    which public content changes by the clock alone, e.g. a scheduled item going live.

    Each generation ends by itself at the earliest such moment, so nothing needs a
    background job to appear on time.
    """
    _deadline_providers.append(provider)


def on_change(hook):
    """Call ``hook()`` once after each committed change of public content: once for a
    transaction however many rows it changed, and once for a batch of ``one_generation``."""
    _change_hooks.append(hook)


def current_generation():
    """The generation of this request (read once per request by the middleware)."""
    held = _held.get()
    if held is not None and held["token"]:
        return held["token"]
    generation = request_generation.get()
    if generation is None:
        generation = checked(cache.get(GENERATION_KEY))
    return generation


def checked(generation):
    """``generation`` if it is still current, else a new one (it is missing or its time is up)."""
    if generation is None:
        if not _shared_cache_available():
            return _outage_generation()
        cache.add(GENERATION_KEY, _make_generation(), None)
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            return _outage_generation()
    token, _, ends = generation.partition("@")
    if ends and float(ends) <= time.time():
        # Every process that sees the end makes the same successor, so they agree at once.
        successor = hashlib.sha256(token.encode()).hexdigest()[:32]
        generation = _new_generation(successor)
    return generation


def bump_generation(**kwargs):
    """Start a new generation now and again once the change is committed.

    The second bump stops a request that ran between the first and the commit from keeping
    the old content under the new generation.
    """
    held = _held.get()
    if held is not None:
        held.update(changed=True, token=f"batch-{uuid.uuid4().hex}")
        return
    if _unkept.get() is not None:
        return
    _new_generation()
    _awaiting.change = True
    transaction.on_commit(_committed)


@contextmanager
def one_generation(*, discard=False):
    """Make the changes of a long batch (an import) start one new generation, at its end,
    instead of one per saved row: the caches keep serving meanwhile. With ``discard`` (the
    batch is rolled back, e.g. a dry run) no generation starts at all.

    Meanwhile this process sees its own changes under a private generation, renewed by each
    change, which no other process reads.
    """
    held = {"changed": False, "token": None}
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
        if held["changed"] and not discard:
            bump_generation()


@contextmanager
def unkept():
    """Run changes that will be rolled back (an editor's live preview): they start no
    generation, and what is built meanwhile (which may show them) is kept only until the block
    ends; what the caches already hold is still read."""
    token = _unkept.set({})
    try:
        yield
    finally:
        _unkept.reset(token)


def _committed():
    """After the commit: the second bump, and the hooks once for the whole transaction (the
    first of its callbacks runs them; a rolled-back transaction leaves the flag for the next)."""
    _new_generation()
    if getattr(_awaiting, "change", False):
        _awaiting.change = False
        for hook in _change_hooks:
            hook()


def _new_generation(token=None):
    generation = _make_generation(token)
    cache.set(GENERATION_KEY, generation, None)
    if not _shared_cache_available():
        # Not announced to the other processes: announce it when the cache is back.
        _outage["missed"] = True
        generation = _outage_generation(renew=True)
    if request_generation.get() is not None:
        request_generation.set(generation)
    return generation


def _shared_cache_available():
    """False while the shared cache is known to be unreachable (see ``core.redis_cache``)."""
    return getattr(cache, "available", True)


def _outage_generation(*, renew=False):
    """This process's own generation while the shared cache is unreachable (see above)."""
    now = time.monotonic()
    if renew or _outage["token"] is None or now >= _outage["ends"]:
        _outage.update(token=f"local-{uuid.uuid4().hex}", ends=now + OUTAGE_GENERATION_SECONDS)
    return _outage["token"]


def _make_generation(token=None):
    """A new token, with the time at which it ends appended when something is scheduled."""
    token = token or uuid.uuid4().hex
    deadlines = [when for provider in _deadline_providers if (when := provider()) is not None]
    return f"{token}@{min(deadlines).timestamp()}" if deadlines else token


def memo(name, build):
    """``build()``'s result for the current generation, built at most once per generation.

    A ``None`` result is not kept (so unknown addresses cost a query, not cache space).
    """
    generation = current_generation()
    local_key = (name, generation)
    trial = _unkept.get()
    if trial is not None and local_key in trial:
        return trial[local_key]
    value = _local.get(local_key, _MISSING)
    if value is not _MISSING:
        CONTENT_HIT.inc()
        return value
    label = name if len(name) <= 100 else hashlib.sha256(name.encode()).hexdigest()
    shared_key = f"content:{label}:{generation}"
    value = cache.get(shared_key)
    if value is None:
        CONTENT_MISS.inc()
        value = build()
        if trial is not None:
            trial[local_key] = value
            return value
        if value is None:
            return value
        cache.set(shared_key, value, SHARED_TIMEOUT)
    else:
        CONTENT_HIT.inc()
    _local.put(local_key, value)
    return value


def memo_html(name, build, *, fresh=False):
    """The HTML ``build()`` renders with the site's own autoescaping templates, kept like
    ``memo`` for the current generation (or made afresh if ``fresh``) and marked safe.

    ``build`` returns the HTML, or a dict holding it under ``"html"`` beside facts of the
    render a page needs too (e.g. the number of the page of a list actually shown).
    """
    value = build() if fresh else memo(name, build)
    if isinstance(value, dict):
        return {**value, "html": mark_safe(value["html"])}  # noqa: S308 - our templates
    return mark_safe(value)  # noqa: S308 - rendered by our own templates


def _after_outage():
    """Start a new shared generation if this process changed content while the cache was away
    (the others kept the old one meanwhile, and Redis may still hold pages made before)."""
    if _outage["missed"]:
        _outage["missed"] = False
        _new_generation()


redis_cache.on_recovery(_after_outage)


def watch(*models):
    """Bump the generation whenever one of ``models`` (or its many-to-many links) changes."""
    for model in models:
        uid = f"content-cache:{model._meta.label}"
        post_save.connect(bump_generation, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(bump_generation, sender=model, dispatch_uid=f"{uid}:delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(bump_generation, sender=through, dispatch_uid=f"{uid}:{field.name}")
