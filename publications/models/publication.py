"""Publications: their queryset, codes ever issued, authors and the home page's features."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from core.images import FeatureImage, feature_alt, feature_credit, feature_image, feature_licence
from core.richtext import RichTextField
from core.text import SingleLineFields
from editorial.ownership import author_field, co_editors_field
from staff.credits import Credit, staff_member

from ..documents import ValidatedPDFField
from .series import CODE_PATTERN, Category, Series  # noqa: F401


class PublicationQuerySet(models.QuerySet):
    def public(self, now=None):
        """What the public may see: published items, and scheduled ones whose time has come.

        Every public list, page, feed, sitemap and short link starts from this.
        """
        return self.filter(status__in=Publication.RELEASED, published_at__lte=now or timezone.now())

    def for_cards(self):
        """What a list of publications shows: series and authors in two more queries."""
        return self.select_related("series").prefetch_related(
            models.Prefetch("authorships", queryset=Authorship.objects.select_related("person"))
        )


class Publication(SingleLineFields, FeatureImage):
    """An item of an RSIS series: a commentary, a policy report, a book..."""

    single_line_fields = ("code", "title", "image_alt", "image_credit", "image_licence")

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "Awaiting review"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"
        WITHDRAWN = "withdrawn", "Withdrawn"

    #: The states of an item given out: public from its ``published_at`` on (an item
    #: scheduled is public once its time has come). ``is_public()`` and ``public()`` apply it.
    RELEASED = (Status.PUBLISHED, Status.SCHEDULED)

    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="publications")
    code = models.CharField(
        max_length=9,
        unique=True,
        null=True,
        blank=True,
        help_text="Given automatically at first publication (e.g. CO21113). Type one only for "
        "an item published before, in the series' format.",
    )
    title = models.CharField(max_length=300)
    slug = models.SlugField(
        "address",
        max_length=200,
        help_text="The last part of its address: “what-lavrovs-visit-means” in "
        "/publications/commentaries/what-lavrovs-visit-means/.",
    )
    publication_date = models.DateField(
        null=True,
        blank=True,
        help_text="The date printed on the item. Leave empty to use the day it goes out.",
    )
    synopsis = models.TextField(blank=True, help_text="A short summary, shown first and in lists.")
    body = RichTextField(blank=True)
    image = feature_image(
        upload_to="publications/images/",
        help_text="JPEG, PNG or WebP, at most 8 MB; shown 16:9 under the synopsis.",
    )
    image_alt = feature_alt()
    image_credit = feature_credit()
    image_licence = feature_licence()
    pdf = ValidatedPDFField(
        "PDF",
        upload_to="publications/pdf/",
        blank=True,
        text_field="pdf_text",
        help_text="A typeset PDF, at most 20 MB. Leave empty and the site makes one from this "
        "page.",
    )
    # The uploaded PDF's text, searched with the body's weight.
    pdf_text = models.TextField(blank=True, editable=False)
    categories = models.ManyToManyField(Category, blank=True, related_name="publications")
    tags = TaggableManager(blank=True, help_text="Free keywords, separated by commas.")
    # The tag links as rows, so that a revision records them and a recovery brings them back.
    tagged_items = GenericRelation(TaggedItem, related_query_name="publication")
    about_author = models.TextField(
        "about the author",
        blank=True,
        help_text="“About the Author” text. Leave empty to print each author's short bio.",
    )
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="related_from",
        verbose_name="related publications",
        help_text="Shown under the item; leave empty to show items of the same categories.",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        "public from",
        null=True,
        blank=True,
        help_text="When the item becomes public, in Singapore time. For a scheduled item, the "
        "time it goes out.",
    )
    updated_at = models.DateTimeField(
        "last changed", auto_now=True, help_text="Printed as “Last updated”."
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    created_by = author_field()
    co_editors = co_editors_field("co_edited_publications")

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-publication_date", "-id"]
        permissions = [("publish_publication", "Can publish, schedule and withdraw publications")]
        constraints = [
            models.UniqueConstraint(fields=["series", "slug"], name="unique_publication_slug"),
        ]
        indexes = [
            models.Index(fields=["-publication_date", "-id"], name="publication_recent"),
            models.Index(fields=["series", "-publication_date"], name="publication_series_recent"),
            # The public lists' order, with what ``public()`` and the series filter test:
            # their pages and counts are read from these alone (index-only scans).
            models.Index(
                fields=["-publication_date", "-id"],
                include=["published_at", "series"],
                condition=models.Q(status__in=["published", "scheduled"]),  # RELEASED
                name="publication_public_recent",
            ),
            models.Index(
                fields=["series", "-publication_date", "-id"],
                include=["published_at"],
                condition=models.Q(status__in=["published", "scheduled"]),  # RELEASED
                name="publication_public_series",
            ),
        ]

    def __str__(self):
        return f"{self.code} | {self.title}" if self.code else self.title

    def get_absolute_url(self):
        return reverse(
            "publications:detail", kwargs={"series": self.series.slug, "slug": self.slug}
        )

    @property
    def last_modified(self):
        """When the public item last changed: its last edit, or going out if that came later
        (a scheduled item). Printed as “Last updated” and given to search engines."""
        if self.published_at and self.status in self.RELEASED:
            return max(self.updated_at, self.published_at)
        return self.updated_at

    def is_public(self, now=None):
        return (
            self.status in self.RELEASED
            and self.published_at is not None
            and self.published_at <= (now or timezone.now())
        )

    def clean(self):
        errors = {}
        if self.code:
            self.code = self.code.strip().upper()
        # A code once given is read-only in the admin: only a new or changed code is checked.
        if self.code and not Publication.objects.filter(pk=self.pk, code=self.code).exists():
            try:
                validate_code(self.code, self.series if self.series_id else None, self.pk)
            except ValidationError as error:
                errors["code"] = error.messages
        if self.status == self.Status.SCHEDULED and not self.published_at:
            errors["published_at"] = "Give the date and time at which to publish."
        if errors:
            raise ValidationError(errors)


class IssuedCode(models.Model):
    """Every series code ever given or typed, kept when its item is withdrawn or deleted, so
    that no code ever names two different items."""

    code = models.CharField(max_length=9, unique=True)
    publication = models.ForeignKey(
        Publication, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.code


def validate_code_format(code, series):
    """Check a typed code's format and its series' prefix (no query)."""
    match = CODE_PATTERN.fullmatch(code)
    if not match:
        raise ValidationError(
            "A code is the series prefix, two digits of the year and three of the number, "
            "e.g. CO21113."
        )
    if series is not None and match["prefix"] != series.code_prefix:
        raise ValidationError(f"Codes of {series.name} start with {series.code_prefix}.")


def validate_code(code, series, pk=None):
    """Check a typed code: its format, its series' prefix, and that it was never given to
    another item (even one since withdrawn or deleted)."""
    validate_code_format(code, series)
    if Publication.objects.filter(code=code).exclude(pk=pk).exists():
        raise ValidationError(f"{code} is already taken by another item.")
    issued = IssuedCode.objects.filter(code=code)
    if pk is not None:
        issued = issued.exclude(publication_id=pk)
    if issued.exists():
        raise ValidationError(f"{code} was given to an item that has since been removed.")


class HomeFeature(models.Model):
    """A publication the editors put at the top of the home page, in their order."""

    publication = models.OneToOneField(
        Publication,
        on_delete=models.CASCADE,
        related_name="home_feature",
        help_text="Only public items are shown; the latest item stands in when none is.",
    )
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "home page feature"

    def __str__(self):
        return str(self.publication)


class Authorship(Credit):
    """An author of a publication, in order: a member of staff or an outside author by name."""

    credited_as = "author"

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="authorships"
    )
    person = staff_member(
        related_name="authorships", help_text="A member of staff (current or former)."
    )


def authored_public_work():
    """Whether public work names the person as an author: former staff keep their profile."""
    return models.Exists(
        Authorship.objects.filter(
            person=models.OuterRef("pk"), publication__in=Publication.objects.public()
        )
    )
