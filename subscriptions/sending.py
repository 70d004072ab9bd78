"""Alerts and weekly digests: who follows an item, the ledger of what went to whom, and the
sending itself (rate-limited, retried on temporary refusals).

An item is *announced* once, when it is first seen public (``announce_due``, run after each
publication and every minute for items that go out at their scheduled time); its alert then
goes to the subscribers who follow it and want an email per item. Each email is first
*claimed* in the ledger (``Delivery``, one row per subscriber and item, unique), in a
transaction of its own, and sent after: a subscriber gets an item at most once, whether the
item is withdrawn and published again, two senders run at once (the second claims nothing),
or the sender dies between claim and send (that email is lost, not doubled; the ledger shows
it claimed and not sent).
"""

import logging
import smtplib
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import connection as db
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from events.models import Event
from publications.categories import category_nodes
from publications.models import Publication

from . import mail
from .models import Announcement, Delivery, Subscriber

logger = logging.getLogger(__name__)

#: Items published longer ago than this when first seen public are not announced (an
#: imported archive, a site just switched on).
ANNOUNCE_WINDOW = timezone.timedelta(days=2)
BATCH = 500
#: What a subscriber follows (each email says so).
TOPICS = ("series", "categories", "authors", "tags")


# Who follows what --------------------------------------------------------------------------


def followers(item):
    """The active subscribers who follow ``item``."""
    if isinstance(item, Event):
        wanted = Q(events=True)
    else:
        if not item.series.alert_subscribers:
            return Subscriber.objects.none()
        own = set(item.categories.values_list("pk", flat=True))
        categories = {
            node.pk for node in category_nodes().values()
            if node.pk in own or own.intersection(node.descendant_pks)
        }  # fmt: skip
        wanted = (
            Q(everything=True)
            | Q(series=item.series_id)
            | Q(categories__in=categories)
            | Q(authors__in=item.authorships.values("person"))
            | Q(tags__in=item.tags.values("pk"))
        )
    ids = Subscriber.objects.active().filter(wanted).values("pk")
    return Subscriber.objects.filter(pk__in=ids)


def public_items(since, until):
    """The items that became public in (``since``, ``until``], oldest first."""
    publications = Publication.objects.public(until).filter(published_at__gt=since).for_cards()
    events = Event.objects.public().filter(published_at__gt=since, published_at__lte=until)
    return sorted([*publications, *events], key=lambda item: item.published_at)


# Announcing --------------------------------------------------------------------------------


def announce_due(*, now=None):
    """Start the alerts of the items public since ``ANNOUNCE_WINDOW`` and not announced yet;
    returns the new ``Announcement`` rows (each announced once, whoever runs this)."""
    now = now or timezone.now()
    started = []
    for item in public_items(now - ANNOUNCE_WINDOW, now):
        announcement, created = Announcement.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(item),
            object_id=item.pk,
            defaults={"public_at": item.published_at, "started_at": now},
        )
        if created:
            started.append(announcement)
    return started


def send_alerts(announcement, *, sender=None):
    """Email the item of ``announcement`` to those who want each item as it comes. Returns
    ``(sent, failed)``."""
    item = _for_emails(announcement)
    if item is None or not item.is_public():
        return 0, 0
    wanted = followers(item).filter(frequency=Subscriber.Frequency.EACH).order_by("pk")
    ids = list(wanted.values_list("pk", flat=True))
    shown = mail.card(item)  # the same for everyone
    sender = sender or Sender()
    sent = failed = 0
    with sender:
        for start in range(0, len(ids), BATCH):
            claimed = claim(ids[start : start + BATCH], [item], Delivery.Kind.ALERT)
            subscribers = Subscriber.objects.prefetch_related(*TOPICS).in_bulk(
                [pk for pk, _ in claimed]
            )
            for subscriber_pk, deliveries in claimed:
                message = mail.alert(subscribers[subscriber_pk], shown)
                ok = sender.send(message, deliveries)
                sent, failed = sent + ok, failed + (not ok)
            sender.record()
    return sent, failed


def _for_emails(announcement):
    """The announced item with what its emails show (series, authors), or None."""
    model = announcement.content_type.model_class()
    items = model._default_manager.filter(pk=announcement.object_id)
    if model is Publication:
        items = items.for_cards()
    return items.first()


def claim(subscriber_pks, items, kind, *, now=None):
    """Write the ledger rows of ``items`` for each subscriber that has none yet, in one
    statement that commits at once; returns ``[(subscriber_pk, [delivery_pk, ...])]`` for the
    rows written here (what this sender, and no other, will send)."""
    if not subscriber_pks or not items:
        return []
    now = now or timezone.now()
    rows = [
        (pk, ContentType.objects.get_for_model(item).pk, item.pk, kind, now, "")
        for pk in subscriber_pks
        for item in items
    ]
    table = Delivery._meta.db_table
    values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
    # The table's own name and placeholders only: every value is a parameter.
    sql = (
        f"INSERT INTO {table} (subscriber_id, content_type_id, object_id, kind, claimed_at, "  # noqa: S608
        f"failure) VALUES {values} ON CONFLICT (subscriber_id, content_type_id, object_id) "
        "DO NOTHING RETURNING subscriber_id, id"
    )
    params = [
        db.ops.adapt_datetimefield_value(value) if index == 4 else value
        for row in rows
        for index, value in enumerate(row)
    ]
    with transaction.atomic(), db.cursor() as cursor:
        cursor.execute(sql, params)
        written = cursor.fetchall()
    grouped = {}
    for subscriber_pk, delivery_pk in written:
        grouped.setdefault(subscriber_pk, []).append(delivery_pk)
    return sorted(grouped.items())


# Digests -----------------------------------------------------------------------------------


def digest_due(now=None):
    """The moment this week's digest covers items up to, if it is due (its day and hour have
    come), else None."""
    now = timezone.localtime(now or timezone.now())
    day, hour = settings.SUBSCRIPTIONS_DIGEST_WEEKDAY, settings.SUBSCRIPTIONS_DIGEST_HOUR
    moment = (now - timezone.timedelta(days=(now.weekday() - day) % 7)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )
    if moment > now:
        moment -= timezone.timedelta(days=7)
    return moment


class DigestPlan:
    """The items of the week up to ``until`` and, for each, who among ``subscribers`` follows
    it: worked out once for every digest, not once per subscriber."""

    def __init__(self, until, subscribers):
        self.until = until
        self.start = until - timezone.timedelta(days=7)
        self.items = public_items(self.start, until)
        ids = subscribers.values("pk")
        self.followed_by = {
            _key(item): set(followers(item).filter(pk__in=ids).values_list("pk", flat=True))
            for item in self.items
        }

    def items_for(self, subscriber):
        """What ``subscriber``'s digest holds: items they follow, public since their last
        digest (at most a week back), not sent to them yet."""
        since = max(subscriber.digest_until or subscriber.confirmed_at, self.start)
        wanted = [
            item for item in self.items
            if item.published_at > since and subscriber.pk in self.followed_by[_key(item)]
        ]  # fmt: skip
        if not wanted:
            return []
        told = set(subscriber.deliveries.values_list("content_type_id", "object_id"))
        return [item for item in wanted if _key(item) not in told]


def digest_items(subscriber, until):
    """What ``subscriber``'s digest up to ``until`` holds (the admin's preview)."""
    return DigestPlan(until, Subscriber.objects.filter(pk=subscriber.pk)).items_for(subscriber)


def send_digests(*, now=None, sender=None):
    """Send this week's digest to each weekly subscriber who has not had it. Returns
    ``(sent, failed)``."""
    until = digest_due(now)
    weekly = Subscriber.objects.active().filter(frequency=Subscriber.Frequency.WEEKLY)
    due = weekly.filter(Q(digest_until__lt=until) | Q(digest_until=None)).order_by("pk")
    plan = DigestPlan(until, due)
    sender = sender or Sender()
    sent = failed = 0
    with sender:
        for subscriber in due.prefetch_related(*TOPICS).iterator(chunk_size=BATCH):
            items = plan.items_for(subscriber)
            # Claimed by moving its mark: a second sender finds nothing to do.
            mine = Subscriber.objects.filter(pk=subscriber.pk).filter(
                Q(digest_until__lt=until) | Q(digest_until=None)
            )
            if not mine.update(digest_until=until) or not items:
                continue
            claimed = claim([subscriber.pk], items, Delivery.Kind.DIGEST)
            if not claimed:
                continue
            kept = claimed[0][1]
            told = set(
                Delivery.objects.filter(pk__in=kept).values_list("content_type_id", "object_id")
            )
            items = [item for item in items if _key(item) in told]
            ok = sender.send(mail.digest(subscriber, items, until), kept)
            sent, failed = sent + ok, failed + (not ok)
            if sent % BATCH == 0:
                sender.record()
    return sent, failed


def _key(item):
    return ContentType.objects.get_for_model(item).pk, item.pk


# Sending -----------------------------------------------------------------------------------


@dataclass
class Outcome:
    sent: bool
    failure: str = ""


class Sender:
    """One connection to the mail server for a batch, at most ``SUBSCRIPTIONS_SEND_RATE``
    emails a second; a temporary refusal (4xx, a dropped connection) is retried after each
    of ``SUBSCRIPTIONS_RETRY_DELAYS`` seconds, a permanent one (5xx) is given up and logged.

    The ledger rows of emails sent are marked in one statement per batch (``record``, and on
    leaving): a crash before that shows them as claimed and not sent, never sends them again.
    """

    def __init__(self, connection=None):
        self.connection = connection or get_connection()
        self.rate = settings.SUBSCRIPTIONS_SEND_RATE
        self.delays = settings.SUBSCRIPTIONS_RETRY_DELAYS
        self._next = 0.0
        self._sent = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.record()
        self.connection.close()

    def send(self, message, deliveries):
        """Send ``message``; note the outcome for its ledger rows. Returns whether it went."""
        outcome = self._attempt(message)
        if outcome.sent:
            self._sent.extend(deliveries)
        else:
            Delivery.objects.filter(pk__in=deliveries).update(failure=outcome.failure[:300])
            logger.warning("Email to subscriber not sent: %s", outcome.failure)
        return outcome.sent

    def record(self):
        """Mark the ledger rows of the emails sent since the last call."""
        if self._sent:
            Delivery.objects.filter(pk__in=self._sent).update(sent_at=timezone.now())
            self._sent = []

    def _attempt(self, message):
        for delay in (*self.delays, None):
            self._wait()
            try:
                self.connection.open()  # once: kept open for the next emails
                self.connection.send_messages([message])
                return Outcome(True)
            except smtplib.SMTPRecipientsRefused as refused:
                code, text = next(iter(refused.recipients.values()))
                problem = f"{code} {_text(text)}"
                if not 400 <= code < 500:
                    return Outcome(False, f"refused: {problem}")
            except smtplib.SMTPResponseException as refused:
                problem = f"{refused.smtp_code} {_text(refused.smtp_error)}"
                if not 400 <= refused.smtp_code < 500:
                    return Outcome(False, f"refused: {problem}")
            except (smtplib.SMTPException, OSError) as trouble:
                problem = f"{type(trouble).__name__}: {trouble}"
            self.connection.close()  # a fresh connection for the next try
            if delay is None:
                return Outcome(False, f"gave up after {len(self.delays) + 1} tries: {problem}")
            time.sleep(delay)
        raise AssertionError("unreachable")

    def _wait(self):
        if not self.rate:
            return
        now = time.monotonic()
        if self._next > now:
            time.sleep(self._next - now)
        self._next = max(now, self._next) + 1 / self.rate


def _text(value):
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)
