"""An old address the site keeps answering: where it leads now, or that it is gone."""

from urllib.parse import quote

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

#: The longest old address kept (it is indexed, and an index row has a size limit).
MAX_PATH = 600
#: What a browser may keep as it is in an address (everything else is percent-encoded).
URL_SAFE = "/:@!$&'()*+,;=-._~"
NO_ITEM = Q(object_id__isnull=True)


class Redirect(models.Model):
    """An old address and what the site answers there, once nothing else answers it.

    It leads either to an item (and follows the item wherever it moves) or to a path of this
    site; or it answers “Gone” (410): the content was removed for good.
    """

    class Status(models.IntegerChoices):
        MOVED = 301, "Moved: send visitors to the new address"
        GONE = 410, "Gone: the page was removed for good"

    class Source(models.TextChoices):
        EDITOR = "editor", "Typed by an editor"
        IMPORT = "import", "Imported (old website or a CSV file)"
        MOVED = "moved", "Kept when an item moved"
        WITHDRAWN = "withdrawn", "Kept when an item was withdrawn"

    old_path = models.CharField(
        "old address",
        max_length=MAX_PATH,
        unique=True,
        help_text="The address visitors or search engines still ask for, from the “/” after "
        "the site's name, e.g. /2021/06/my-post/. Old WordPress links such as /?p=123 work "
        "too. A full address (https://…) is cut down to this when saved.",
    )
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name="kind of item",
        help_text="Set by the site when the old address leads to an item.",
    )
    object_id = models.PositiveBigIntegerField(
        "item number",
        null=True,
        blank=True,
        help_text="Set by the site when the old address leads to an item.",
    )
    target = GenericForeignKey("content_type", "object_id")
    target_path = models.CharField(
        "go to",
        max_length=2000,
        blank=True,
        help_text="Where to send visitors: an address on this site, e.g. "
        "/publications/commentaries/, or a full address of this site. Leave empty when the "
        "old address leads to an item, or for “Gone”.",
    )
    status = models.PositiveSmallIntegerField(
        "answer",
        choices=Status.choices,
        default=Status.MOVED,
        help_text="“Moved” sends visitors and search engines on to the new address; “Gone” "
        "tells them the page was removed for good, so that search engines forget it.",
    )
    hits = models.PositiveIntegerField(
        "visits", default=0, editable=False, help_text="How often the old address was asked for."
    )
    last_hit_at = models.DateTimeField("last visit", null=True, blank=True, editable=False)
    source = models.CharField(
        "made",
        max_length=10,
        choices=Source.choices,
        default=Source.EDITOR,
        editable=False,
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("changed", auto_now=True)

    class Meta:
        ordering = ["old_path"]
        verbose_name = "redirect"
        indexes = [models.Index(fields=["content_type", "object_id"], name="redirect_item")]
        constraints = [
            # Moved: to an item or to a path, never both; Gone: to nothing.
            models.CheckConstraint(
                condition=(
                    Q(status=301, target_path="", content_type__isnull=False) & ~NO_ITEM
                    | Q(status=301, content_type__isnull=True) & NO_ITEM & ~Q(target_path="")
                    | Q(status=410, target_path="", content_type__isnull=True) & NO_ITEM
                ),
                name="redirect_one_target",
            ),
        ]

    def __str__(self):
        return self.old_path

    def get_absolute_url(self):
        """The old address as a link (it answers with the redirect, once nothing else does)."""
        path, mark, query = self.old_path.partition("?")
        return quote(path, safe=URL_SAFE) + mark + quote(query, safe=URL_SAFE)

    def target_url(self):
        """Where the redirect sends visitors now: the item's current address or the path; None
        for “Gone”, or when its item no longer exists."""
        if self.status == self.Status.GONE:
            return None
        if self.content_type_id is None:
            return self.target_path
        item = self.target
        return item.get_absolute_url() if item is not None else None
