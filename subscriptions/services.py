"""Subscribing, confirming, changing and leaving, without an account.

Nothing is written when someone asks to subscribe: their choices travel, signed and dated, in
the link of the confirmation email, and a subscriber exists only once that link is followed
(double opt-in). The subscribe page answers the same whatever the address, known or not, and
at most ``PER_ADDRESS`` confirmation emails go to one address (``PER_CLIENT`` asked by one
visitor) in ``THROTTLE_SECONDS``, so the form cannot be used to flood anyone's inbox.

Every email's links name the subscriber's ``key``, signed: one to change the choices, one to
leave (one click, RFC 8058). Erasing a subscriber (a data-protection request) removes the row,
its consent steps and its ledger, after which no old link works.
"""

import hashlib
import json
import logging

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from publications.categories import category_nodes

from .models import Consent, Subscriber

logger = logging.getLogger(__name__)

CONFIRM_SALT = "subscriptions.confirm"
MANAGE_SALT = "subscriptions.manage"
LEAVE_SALT = "subscriptions.leave"
#: How long a confirmation link works.
CONFIRM_SECONDS = 3 * 24 * 60 * 60
PER_ADDRESS, PER_CLIENT, THROTTLE_SECONDS = 3, 10, 60 * 60
#: Longer tokens are refused before any work.
MAX_TOKEN = 2000


class LinkProblem(Exception):
    """A link that does not work, with a reason a reader can act on."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


# Asking ------------------------------------------------------------------------------------


def ask(*, email, choices, source, client):
    """Send ``email`` a link confirming ``choices`` (unless throttled). Returns whether an
    email was queued; the visitor is told the same either way."""
    if not _within_limit(f"address:{_digest(email)}", PER_ADDRESS) or not _within_limit(
        f"client:{client}", PER_CLIENT
    ):
        logger.info("Subscription request throttled (%s)", "address or client")
        return False
    payload = {"email": email, "source": source[:300], **_plain(choices)}
    token = signing.dumps(payload, salt=CONFIRM_SALT, compress=True)
    from . import tasks

    transaction.on_commit(lambda: tasks.send_confirmation.enqueue(email, token))
    return True


def _within_limit(name, limit):
    key = f"subscriptions:throttle:{name}"
    cache.add(key, 0, THROTTLE_SECONDS)
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between the two calls
        cache.set(key, 1, THROTTLE_SECONDS)
        return True


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _plain(choices):
    """The choices as plain values (for the signed link and the consent record)."""
    return {
        "frequency": choices["frequency"],
        "everything": bool(choices.get("everything")),
        "events": bool(choices.get("events")),
        "series": sorted(item.pk for item in choices.get("series") or ()),
        "categories": sorted(
            item if isinstance(item, int) else item.pk for item in choices.get("categories") or ()
        ),
        "authors": sorted(item.pk for item in choices.get("authors") or ()),
        "tags": sorted(item.pk for item in choices.get("tags") or ()),
    }


# Confirming --------------------------------------------------------------------------------


def read_confirmation(token):
    """The request a confirmation link carries, or ``LinkProblem``."""
    if not token or len(token) > MAX_TOKEN:
        raise LinkProblem("invalid")
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_SECONDS)
    except signing.SignatureExpired:
        raise LinkProblem("expired") from None
    except signing.BadSignature:
        raise LinkProblem("invalid") from None


def confirm(token, *, now=None):
    """Subscribe the address of the confirmation link with its choices (or replace the
    choices of a subscriber). A link works once. Returns the ``Subscriber``."""
    request = read_confirmation(token)
    now = now or timezone.now()
    digest = _digest(token)
    if Consent.objects.filter(link_digest=digest).exists():
        raise LinkProblem("used")
    try:
        with transaction.atomic():
            subscriber, _ = Subscriber.objects.select_for_update().get_or_create(
                email=request["email"], defaults={"confirmed_at": now}
            )
            subscriber.status = Subscriber.Status.ACTIVE
            subscriber.confirmed_at, subscriber.left_at = now, None
            _apply(subscriber, request)
            Consent.objects.create(
                subscriber=subscriber,
                action=Consent.Action.SUBSCRIBED,
                at=now,
                source=request.get("source", ""),
                choices=describe(subscriber),
                link_digest=digest,
            )
    except IntegrityError:  # the same link, followed twice at once
        raise LinkProblem("used") from None
    return subscriber


def _apply(subscriber, choices):
    subscriber.frequency = choices["frequency"]
    subscriber.everything = choices["everything"]
    subscriber.events = choices["events"]
    if subscriber.frequency == Subscriber.Frequency.WEEKLY and subscriber.digest_until is None:
        subscriber.digest_until = timezone.now()
    subscriber.save()
    known = set(category_nodes())
    subscriber.series.set(_existing("publications.Series", choices["series"]))
    subscriber.categories.set([pk for pk in choices["categories"] if pk in known])
    subscriber.authors.set(_existing("staff.Person", choices["authors"]))
    subscriber.tags.set(_existing("taggit.Tag", choices["tags"]))


def _existing(label, pks):
    from django.apps import apps

    return apps.get_model(label)._default_manager.filter(pk__in=pks)


# Managing ----------------------------------------------------------------------------------


def manage_token(subscriber):
    return signing.Signer(salt=MANAGE_SALT).sign(subscriber.key)


def leave_token(subscriber):
    return signing.Signer(salt=LEAVE_SALT).sign(subscriber.key)


def manage_url(subscriber):
    return _absolute(reverse("subscriptions:manage", args=[manage_token(subscriber)]))


def leave_url(subscriber):
    return _absolute(reverse("subscriptions:leave", args=[leave_token(subscriber)]))


def confirm_url(token):
    return _absolute(reverse("subscriptions:confirm", args=[token]))


def _absolute(path):
    return f"{(settings.SITE_URL or '').rstrip('/')}{path}"


def subscriber_for(token, salt):
    """The subscriber a manage or leave link names, or ``LinkProblem``."""
    if not token or len(token) > MAX_TOKEN:
        raise LinkProblem("invalid")
    try:
        key = signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature:
        raise LinkProblem("invalid") from None
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        raise LinkProblem("gone")
    return subscriber


def change(subscriber, choices, *, source, now=None):
    """Replace what ``subscriber`` follows (a subscriber who had left is back)."""
    now = now or timezone.now()
    with transaction.atomic():
        subscriber.status, subscriber.left_at = Subscriber.Status.ACTIVE, None
        _apply(subscriber, _plain(choices))
        Consent.objects.create(
            subscriber=subscriber,
            action=Consent.Action.CHANGED,
            at=now,
            source=source,
            choices=describe(subscriber),
        )


def leave(subscriber, *, source, now=None):
    """Stop every email to ``subscriber`` (kept, with their consent history, until erased)."""
    if subscriber.status == Subscriber.Status.LEFT:
        return
    now = now or timezone.now()
    with transaction.atomic():
        subscriber.status, subscriber.left_at = Subscriber.Status.LEFT, now
        subscriber.save(update_fields=["status", "left_at"])
        Consent.objects.create(
            subscriber=subscriber, action=Consent.Action.LEFT, at=now, source=source
        )


def describe(subscriber):
    """What ``subscriber`` follows, in words (its topics read with ``.all()``, so that a batch
    prefetches them once)."""
    nodes = category_nodes()
    parts = ["all publications"] if subscriber.everything else []
    parts += [f"series: {series.name}" for series in subscriber.series.all()]
    parts += [
        f"subject: {nodes[category.pk].full_name}"
        for category in subscriber.categories.all()
        if category.pk in nodes
    ]
    parts += [f"author: {person.name}" for person in subscriber.authors.all()]
    parts += [f"keyword: {tag.name}" for tag in subscriber.tags.all()]
    if subscriber.events:
        parts.append("events")
    return _sentence(parts, subscriber.frequency)


def _sentence(parts, frequency):
    how = Subscriber.Frequency(frequency).label.lower()
    return f"{'; '.join(parts) or 'nothing'} ({how})"


def describe_request(choices):
    """The plain ``choices`` (as a confirmation link carries them), in words."""
    nodes = category_nodes()
    parts = ["all publications"] if choices.get("everything") else []
    parts += [
        f"series: {name}"
        for name in _existing("publications.Series", choices["series"]).values_list(
            "name", flat=True
        )
    ]
    parts += [f"subject: {nodes[pk].full_name}" for pk in choices["categories"] if pk in nodes]
    parts += [
        f"author: {name}"
        for name in _existing("staff.Person", choices["authors"]).values_list("name", flat=True)
    ]
    parts += [
        f"keyword: {name}"
        for name in _existing("taggit.Tag", choices["tags"]).values_list("name", flat=True)
    ]
    if choices.get("events"):
        parts.append("events")
    return _sentence(parts, choices["frequency"])


# Data-protection requests ------------------------------------------------------------------


def export(subscriber):
    """Everything kept about ``subscriber``, as JSON."""
    data = {
        "email": subscriber.email,
        "status": subscriber.get_status_display(),
        "follows": describe(subscriber),
        "subscribed_on": subscriber.confirmed_at.isoformat(),
        "unsubscribed_on": subscriber.left_at.isoformat() if subscriber.left_at else None,
        "consent": [
            {
                "action": step.get_action_display(),
                "at": step.at.isoformat(),
                "source": step.source,
                "choices": step.choices,
            }
            for step in subscriber.consents.all()
        ],  # fmt: skip
        "emails": [
            {
                "item": f"{delivery.content_type.name} {delivery.object_id}",
                "kind": delivery.get_kind_display(),
                "sent_at": delivery.sent_at.isoformat() if delivery.sent_at else None,
            }
            for delivery in subscriber.deliveries.select_related("content_type")
        ],  # fmt: skip
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def erase(subscriber):
    """Forget ``subscriber`` entirely: the row, its consent steps and what was sent to it."""
    if not subscriber.pk:
        raise ValidationError("Nothing to erase.")
    subscriber.delete()
