"""What was brought in from another site, and the record of each import run."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportRun(models.Model):
    """One run of ``manage.py import_wordpress``: what it did, and every warning it gave."""

    source = models.CharField("file", max_length=500)
    site = models.CharField("exported site", max_length=200, blank=True)
    started_at = models.DateTimeField("started", auto_now_add=True)
    finished_at = models.DateTimeField("finished", null=True, blank=True)
    succeeded = models.BooleanField("finished without error", default=False)
    #: {kind: {"created": n, "updated": n, "unchanged": n, "skipped": n}}
    counts = models.JSONField(default=dict)
    #: [{"item": "post 12 “Title”", "message": "..."}]
    warnings = models.JSONField(default=list)
    options = models.JSONField(default=dict, help_text="The options the import was run with.")

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = "import"

    def __str__(self):
        return f"{self.source} ({self.started_at:%d %b %Y %H:%M})"


class ImportedItem(models.Model):
    """An item of the exported site and what it became here, so that a second run updates
    it instead of creating it again. Keyed by the exported site, the kind of item and its
    identifier there (a post ID, a term ID, an author's login)."""

    site = models.CharField(max_length=200)
    kind = models.CharField(max_length=20)
    source_id = models.CharField(max_length=200)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    #: A digest of the exported item and the options that shaped it: unchanged means skip.
    digest = models.CharField(max_length=64, blank=True)
    #: What else the item was made from (its featured image's and PDF's attachment IDs).
    details = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "kind", "source_id"], name="imported_item_unique_source"
            )
        ]

    def __str__(self):
        return f"{self.site} {self.kind} {self.source_id}"
