"""Work by staff published elsewhere."""

from django.db import models
from django.urls import reverse


class ExternalPublication(models.Model):
    """Work by staff published elsewhere: a journal article, a book, an op-ed..."""

    class Kind(models.TextChoices):
        AUTHORED_BOOK = "authored-books", "Authored Books"
        JOURNAL_ARTICLE = "journal-articles", "Journal Articles"
        EDITED_BOOK = "edited-books", "Edited Books"
        CHAPTER = "chapters-in-edited-books", "Chapters in Edited Books"
        POLICY_REPORT = "policy-reports", "Policy Reports"
        WORKING_PAPER = "working-papers", "Working Papers"
        OP_ED = "op-eds", "Op-Eds"

    kind = models.CharField(max_length=30, choices=Kind.choices)
    title = models.CharField(max_length=300)
    byline = models.CharField(
        max_length=400, help_text="All authors or editors as printed, e.g. “Tan, A. and Lee, B.”."
    )
    people = models.ManyToManyField(
        "staff.Person",
        blank=True,
        related_name="external_publications",
        help_text="Staff among the authors, so the item shows on their profiles.",
    )
    venue = models.CharField(
        "published in",
        max_length=300,
        blank=True,
        help_text="The journal, newspaper or edited book it appeared in.",
    )
    publisher = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField()
    url = models.URLField(
        "web address",
        blank=True,
        max_length=500,
        help_text="Where to read or buy it: its full address, starting with https://.",
    )
    published = models.BooleanField(default=True, help_text="Untick to hide it from the public.")
    updated_at = models.DateTimeField("last changed", auto_now=True)

    class Meta:
        ordering = ["-year", "title"]
        indexes = [models.Index(fields=["kind", "-year"], name="external_kind_year")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publications:external-kind", kwargs={"kind": self.kind})
