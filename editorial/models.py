"""Share links: a way to show an unpublished item to a reviewer who has no account."""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

#: How long a new link works unless the editor chooses otherwise, and the longest allowed.
DEFAULT_DAYS = 7
MAX_DAYS = 30


def new_key():
    """A random name for a link, part of the address sent to the reviewer."""
    return secrets.token_urlsafe(18)


class ShareLinkQuerySet(models.QuerySet):
    def active(self, now=None):
        """Links that still open their item: neither withdrawn nor past their end."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())

    def for_item(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
        )

    def revoke(self, user, now=None):
        """Withdraw the links that are not withdrawn yet; returns how many were withdrawn.

        Each withdrawal is a line of the activity list."""
        from .versioning import record_event

        now = now or timezone.now()
        with transaction.atomic():
            links = list(self.filter(revoked_at__isnull=True).select_for_update())
            ShareLink.objects.filter(pk__in=[link.pk for link in links]).update(
                revoked_at=now, revoked_by=user
            )
            for link in links:
                link.revoked_at, link.revoked_by = now, user
                record_event(
                    user=user, comment=f"Share link for {link.note} withdrawn.", record=link
                )
        return len(links)


class ShareLink(models.Model):
    """A private address that shows one unpublished item, as it will look, to anyone who has it.

    It works for a chosen number of days and can be withdrawn at any time. The address holds a
    signed copy of the link's key; whether the link still works is decided here, at each visit.
    """

    class State(models.TextChoices):
        ACTIVE = "active", "Active"
        EXPIRED = "expired", "Expired"
        REVOKED = "revoked", "Withdrawn"

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name="kind of item"
    )
    object_id = models.PositiveBigIntegerField(verbose_name="item number")
    item = GenericForeignKey("content_type", "object_id")
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    note = models.CharField(
        "for",
        max_length=200,
        help_text="Who the link is for, e.g. “Prof. Tan, external reviewer”. Only staff see this.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField("expires", help_text="The link stops working at this time.")
    revoked_at = models.DateTimeField("withdrawn", null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="withdrawn by",
    )
    last_used_at = models.DateTimeField("last opened", null=True, blank=True, editable=False)
    use_count = models.PositiveIntegerField("times opened", default=0, editable=False)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="share_link_item")]

    def __str__(self):
        return f"Share link for {self.note}" if self.note else f"Share link {self.pk}"

    def get_absolute_url(self):
        from .sharing import token_for

        return reverse("editorial:review", kwargs={"token": token_for(self)})

    def state(self, now=None):
        if self.revoked_at is not None:
            return self.State.REVOKED
        if self.expires_at <= (now or timezone.now()):
            return self.State.EXPIRED
        return self.State.ACTIVE

    def is_active(self, now=None):
        return self.state(now) == self.State.ACTIVE


class ReviewRequest(models.Model):
    """An author's request that an item be reviewed, to all editors or to one chosen editor.

    It stays open until an editor sends the item back or approves it (by publishing or
    scheduling it), or until the item is submitted again. The conversation about the item is
    kept in ``ReviewComment``; both stay with the item, whatever happens to it.
    """

    class State(models.TextChoices):
        OPEN = "open", "Waiting for review"
        SENT_BACK = "sent_back", "Sent back"
        APPROVED = "approved", "Approved"
        REPLACED = "replaced", "Replaced by a later request"
        DISCARDED = "discarded", "Correction discarded"

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name="kind of item"
    )
    object_id = models.PositiveBigIntegerField(verbose_name="item number")
    item = GenericForeignKey("content_type", "object_id")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="asked by",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The editor asked to review the item; empty: every editor.",
    )
    note = models.TextField(blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField("asked", default=timezone.now)
    closed_at = models.DateTimeField("closed", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="closed by",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "state"], name="review_request_item")
        ]

    def __str__(self):
        return f"Review request of {self.created_at:%d %b %Y}"


class ReviewComment(models.Model):
    """One step of the conversation about an item: a submission, a comment, a send-back or an
    approval, by whom and when. Kept with the item (its page and its history show them)."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", "Submitted for review"
        COMMENT = "comment", "Comment"
        SENT_BACK = "sent_back", "Sent back with comments"
        APPROVED = "approved", "Approved"

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name="kind of item"
    )
    object_id = models.PositiveBigIntegerField(verbose_name="item number")
    item = GenericForeignKey("content_type", "object_id")
    request = models.ForeignKey(
        ReviewRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name="review request",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COMMENT)
    text = models.TextField("comment", blank=True)
    created_at = models.DateTimeField("written", default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="review_comment_item")]

    def __str__(self):
        return self.get_kind_display()


class PendingCorrectionQuerySet(models.QuerySet):
    def for_item(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def due(self, now=None):
        """Corrections whose scheduled time has come, oldest first."""
        return self.filter(publish_at__lte=now or timezone.now()).order_by("publish_at", "pk")


class PendingCorrection(models.Model):
    """Changes to a public item kept for later: the item's form as its editor left it, put live
    when someone presses “Publish correction” or at ``publish_at``, if one was chosen. The
    public page meanwhile shows the item as it was published."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    #: The form's fields as posted (``{name: [values]}``), files aside.
    data = models.JSONField()
    #: The version of the live item the correction was made on.
    based_on = models.CharField(max_length=40)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now=True)
    #: When it goes live by itself (``publish_due_corrections``); None: when someone says so.
    publish_at = models.DateTimeField(null=True, blank=True)

    objects = PendingCorrectionQuerySet.as_manager()

    class Meta:
        verbose_name = "correction waiting to be published"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_pending_correction_per_item"
            )
        ]

    def __str__(self):
        return f"Correction of {self.item}"
