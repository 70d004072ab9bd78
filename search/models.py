"""The search index: one document per searchable item, kept by ``search.indexing``.

Whether the public may see an item is decided when a search runs: events and people through
their model's ``public()`` in the query itself, pages through the published menu, and
publications through ``public_from`` (the moment ``Publication.objects.public()`` starts to
include the item, kept with the entry so that large result sets need no join) compared with
the clock; the publications shown are then loaded through ``public()`` itself. So a scheduled
publication appears at its time and a withdrawn one disappears at once.

On PostgreSQL the weighted ``vector`` (GIN index) drives full-text matching, the smaller
``head`` (kept in the row, with a GIN index of its own) ranking and the choice of the best
candidates for it, and ``SearchTerm`` (trigram index) corrects misspelled words. On SQLite
``vector`` stays empty and the search falls back to plain word matching on the text columns.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class IdListField(models.Field):
    """A list of ids: an array on PostgreSQL (counted with ``unnest``), space-separated text
    elsewhere."""

    description = "A list of ids"

    def db_type(self, connection):
        return "bigint[]" if connection.vendor == "postgresql" else "text"

    def get_prep_value(self, value):
        return sorted({int(pk) for pk in value or ()})

    def get_db_prep_value(self, value, connection, prepared=False):
        value = value if prepared else self.get_prep_value(value)
        if connection.vendor == "postgresql":
            return value
        return " ".join(str(pk) for pk in value)

    def from_db_value(self, value, expression, connection):
        if value is None:
            return []
        if isinstance(value, str):
            return [int(pk) for pk in value.split()]
        return list(value)


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        PUBLICATION = "publication", "Publication"
        PAGE = "page", "Page"
        PERSON = "person", "Person"
        EVENT = "event", "Event"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    code = models.CharField(max_length=9, blank=True, help_text="A publication's series code.")
    title = models.CharField(max_length=400)
    names = models.TextField(blank=True, help_text="Authors, speakers; ranked with the summary.")
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="Plain text of the item's main text.")
    keywords = models.TextField(blank=True, help_text="Categories, tags, areas of expertise.")
    date = models.DateField(null=True, blank=True, help_text="For sorting by date.")
    year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Year facet.")
    series_id = models.PositiveBigIntegerField(null=True, blank=True, help_text="Series facet.")
    category_ids = IdListField(default=list, blank=True, help_text="Category facet.")
    author_ids = IdListField(default=list, blank=True, help_text="Author facet (staff).")
    public_from = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Publications: when the item is public by its status and time (the rule of "
        "Publication.objects.public()), empty if never. Other kinds leave it empty.",
    )
    vector = SearchVectorField(null=True, editable=False, help_text="Everything, for matching.")
    head = SearchVectorField(
        null=True, editable=False, help_text="Code, title, names and summary, for ranking."
    )

    class Meta:
        ordering = ["kind", "object_id"]
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique"),
        ]
        indexes = [models.Index(fields=["-date", "-id"], name="search_entry_recent")]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title}"


class SearchTerm(models.Model):
    """A word of a title or name, for correcting misspelled queries (“Lavorv” → “lavrov”)."""

    word = models.CharField(max_length=60, unique=True)

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return self.word
