"""Readers who follow the site by email, what each follows, and what was sent to whom."""

import secrets

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from taggit.models import Tag


def new_key():
    return secrets.token_urlsafe(18)


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Subscriber.Status.ACTIVE)


class Subscriber(models.Model):
    """One email address and what it follows. It exists only once its owner confirmed it
    (double opt-in): until then the choices travel in the signed confirmation link."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Subscribed"
        LEFT = "left", "Unsubscribed"

    class Frequency(models.TextChoices):
        EACH = "each", "An email for each new item"
        WEEKLY = "weekly", "A weekly digest"

    email = models.EmailField("email address", unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.EACH)
    everything = models.BooleanField("all publications", default=False)
    events = models.BooleanField("events", default=False)
    series = models.ManyToManyField("publications.Series", blank=True, related_name="+")
    categories = models.ManyToManyField(
        "publications.Category",
        blank=True,
        related_name="+",
        help_text="With their subcategories.",
    )
    authors = models.ManyToManyField("staff.Person", blank=True, related_name="+")
    tags = models.ManyToManyField(Tag, blank=True, related_name="+")
    #: What the links in its emails name (signed); a new one makes every older link stop.
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    confirmed_at = models.DateTimeField("subscribed on")
    left_at = models.DateTimeField("unsubscribed on", null=True, blank=True)
    #: Until when the weekly digest covered what was published.
    digest_until = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.email

    def follows_anything(self):
        return (
            self.everything
            or self.events
            or self.series.exists()
            or self.categories.exists()
            or self.authors.exists()
            or self.tags.exists()
        )


class Consent(models.Model):
    """A step of a subscriber's consent (subscribed, changed, left), with when and where: what
    a data-protection request is answered with. Confirmation links used are remembered here,
    so that none works twice."""

    class Action(models.TextChoices):
        SUBSCRIBED = "subscribed", "Subscribed (confirmed by email)"
        CHANGED = "changed", "Changed what they follow"
        LEFT = "left", "Unsubscribed"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    action = models.CharField(max_length=12, choices=Action.choices)
    at = models.DateTimeField()
    #: The page the form was sent from, or how they left (a link in an email, one click).
    source = models.CharField(max_length=300, blank=True)
    #: What they chose, in words.
    choices = models.TextField(blank=True)
    #: The confirmation link used (its digest), for subscriptions.
    link_digest = models.CharField(max_length=64, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} on {self.at:%Y-%m-%d %H:%M}"


class Announcement(models.Model):
    """An item whose alerts were started: once per item, even if it is withdrawn and
    published again."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    public_at = models.DateTimeField()
    started_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_announcement")
        ]

    def __str__(self):
        return f"Alerts of {self.content_type.name} {self.object_id}"


class Delivery(models.Model):
    """The ledger: one item told to one subscriber, by alert or digest. The row is written
    (claimed) before the email goes, in its own transaction, and its uniqueness makes each
    subscriber get each item at most once, whatever crashes or runs twice."""

    class Kind(models.TextChoices):
        ALERT = "alert", "Alert"
        DIGEST = "digest", "Weekly digest"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    #: Why it was given up (a permanent refusal by the mail server).
    failure = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "content_type", "object_id"], name="each_item_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.content_type.name} {self.object_id} to {self.subscriber}"
