import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from mptt.models import MPTTModel, TreeForeignKey
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from core.images import ValidatedImageField, picture, rendition
from core.richtext import RichTextField
from core.text import SingleLineFields

from .documents import ValidatedPDFField

CODE_PATTERN = re.compile(r"(?P<prefix>[A-Z]{2,4})(?P<year>[0-9]{2})(?P<number>[0-9]{3})")
RESERVED_SERIES_SLUGS = {"year", "feeds"}
FEATURE = (800, 450)


class Series(SingleLineFields, models.Model):
    """An RSIS series, e.g. Commentaries (code prefix CO)."""

    single_line_fields = ("name", "item_name", "code_prefix")

    name = models.CharField(max_length=200, unique=True, help_text="e.g. “Commentaries”.")
    item_name = models.CharField(
        max_length=100, help_text="What one item is called, e.g. “RSIS Commentary”."
    )
    slug = models.SlugField(
        max_length=100, unique=True, help_text="Address: /publications/<slug>/."
    )
    code_prefix = models.CharField(
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2,4}$", "Two to four capital letters, e.g. CO.")],
        help_text="Start of every code in the series: CO gives CO21113.",
    )
    description = models.TextField(blank=True, help_text="Introduction on the series page.")
    disclaimer = models.TextField(
        blank=True, help_text="Paragraph printed under the title of every item of the series."
    )
    on_home_page = models.BooleanField(
        default=False, help_text="List this series' latest items on the home page."
    )
    sidebar_teaser = models.BooleanField(
        default=False,
        help_text="Show this series' latest item beside every publication (“Latest Book”).",
    )
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "series"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("publications:series", kwargs={"series": self.slug})

    def clean(self):
        if self.slug in RESERVED_SERIES_SLUGS:
            raise ValidationError({"slug": "This address is reserved; choose another slug."})


class SeriesCounter(models.Model):
    """The last number given in a series for one year; it only ever goes up."""

    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="counters")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["series", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="unique_series_year"),
        ]

    def __str__(self):
        return f"{self.series.code_prefix}{self.year % 100:02d}: {self.last_number}"


class Category(SingleLineFields, MPTTModel):
    """A subject or region; top-level categories are the axes a list can be filtered on."""

    single_line_fields = ("name",)

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, help_text="Part of the address /categories/<path>/.")
    parent = TreeForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="Leave empty for an axis, e.g. “Country and Region Studies”.",
    )
    description = models.TextField(blank=True, help_text="Introduction on the category page.")

    class MPTTMeta:
        order_insertion_by = ["name"]

    class Meta:
        ordering = ["tree_id", "lft"]
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(fields=["parent", "slug"], name="unique_category_slug"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from .categories import category_nodes

        return reverse("publications:category", kwargs={"path": category_nodes()[self.pk].path})

    def clean(self):
        siblings = Category.objects.filter(parent=self.parent, slug=self.slug).exclude(pk=self.pk)
        if self.slug and siblings.exists():
            raise ValidationError({"slug": "Another category here already uses this slug."})


class PublicationQuerySet(models.QuerySet):
    def public(self, now=None):
        """What the public may see: published items, and scheduled ones whose time has come.

        Every public list, page, feed, sitemap and short link starts from this.
        """
        return self.filter(
            status__in=(Publication.Status.PUBLISHED, Publication.Status.SCHEDULED),
            published_at__lte=now or timezone.now(),
        )

    def for_cards(self):
        """What a list of publications shows: series and authors in two more queries."""
        return self.select_related("series").prefetch_related(
            models.Prefetch("authorships", queryset=Authorship.objects.select_related("person"))
        )


class Publication(SingleLineFields, models.Model):
    """An item of an RSIS series: a commentary, a policy report, a book..."""

    single_line_fields = ("code", "title", "image_alt", "image_credit", "image_licence")

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "Awaiting review"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"
        WITHDRAWN = "withdrawn", "Withdrawn"

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
    slug = models.SlugField(max_length=200, help_text="Address: /publications/<series>/<slug>/.")
    publication_date = models.DateField(
        null=True,
        blank=True,
        help_text="The date printed on the item. Leave empty to use the day it goes out.",
    )
    synopsis = models.TextField(blank=True, help_text="A short summary, shown first and in lists.")
    body = RichTextField(blank=True)
    image = ValidatedImageField(
        upload_to="publications/images/",
        blank=True,
        help_text="JPEG, PNG or WebP, at most 8 MB; shown 16:9 under the synopsis.",
    )
    image_alt = models.CharField(
        max_length=250, blank=True, help_text="What the image shows, for people who cannot see it."
    )
    image_credit = models.CharField(
        max_length=300,
        blank=True,
        help_text="Where the image comes from, e.g. “Source: Kremlin.ru, flickr”.",
    )
    image_licence = models.CharField(
        max_length=100,
        blank=True,
        help_text="The terms it is used under, e.g. “CC BY-NC-SA 2.0” or “© RSIS”.",
    )
    image_800_jpeg = rendition("image", *FEATURE, "JPEG")
    image_800_webp = rendition("image", *FEATURE, "WEBP")
    image_1600_jpeg = rendition("image", FEATURE[0] * 2, FEATURE[1] * 2, "JPEG")
    image_1600_webp = rendition("image", FEATURE[0] * 2, FEATURE[1] * 2, "WEBP")
    pdf = ValidatedPDFField(
        upload_to="publications/pdf/", blank=True, help_text="The printable PDF, at most 20 MB."
    )
    categories = models.ManyToManyField(Category, blank=True, related_name="publications")
    tags = TaggableManager(blank=True, help_text="Free keywords, separated by commas.")
    # The tag links as rows, so that a revision records them and a recovery brings them back.
    tagged_items = GenericRelation(TaggedItem, related_query_name="publication")
    about_author = models.TextField(
        blank=True,
        help_text="“About the Author” text. Leave empty to print each author's short bio.",
    )
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="related_from",
        help_text="Shown under the item; leave empty to show items of the same categories.",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the item becomes public. For a scheduled item, set the time to publish.",
    )
    updated_at = models.DateTimeField(auto_now=True, help_text="Printed as “Last updated”.")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    co_editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="co_edited_publications",
        help_text="Colleagues who may edit this draft too, besides its author and the editors. "
        "Only the author and the editors change this list.",
    )

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
        ]

    def __str__(self):
        return f"{self.code} | {self.title}" if self.code else self.title

    def get_absolute_url(self):
        return reverse(
            "publications:detail", kwargs={"series": self.series.slug, "slug": self.slug}
        )

    def is_public(self, now=None):
        return (
            self.status in (self.Status.PUBLISHED, self.Status.SCHEDULED)
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

    def feature_picture(self):
        return picture(self, "image", *FEATURE) if self.image else None


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


def validate_code(code, series, pk=None):
    """Check a typed code: its format, its series' prefix, and that it was never given to
    another item (even one since withdrawn or deleted)."""
    match = CODE_PATTERN.fullmatch(code)
    if not match:
        raise ValidationError(
            "A code is the series prefix, two digits of the year and three of the number, "
            "e.g. CO21113."
        )
    if series is not None and match["prefix"] != series.code_prefix:
        raise ValidationError(f"Codes of {series.name} start with {series.code_prefix}.")
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


class Authorship(SingleLineFields, models.Model):
    """An author of a publication, in order: a member of staff or an outside author by name."""

    single_line_fields = ("name", "affiliation")

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="authorships"
    )
    person = models.ForeignKey(
        "staff.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="authorships",
        help_text="A member of staff (current or former).",
    )
    name = models.CharField(
        max_length=200, blank=True, help_text="For an outside author: the name as printed."
    )
    affiliation = models.CharField(
        max_length=200, blank=True, help_text="For an outside author, e.g. a university."
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.display_name

    def clean(self):
        if bool(self.person_id) == bool(self.name.strip()):
            raise ValidationError("Choose a member of staff or type an outside author's name.")

    @property
    def display_name(self):
        return self.person.name if self.person_id else self.name


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
        max_length=300, blank=True, help_text="Journal, newspaper or edited book it appeared in."
    )
    publisher = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField()
    url = models.URLField(blank=True, max_length=500, help_text="Where to read or buy it.")
    published = models.BooleanField(default=True, help_text="Untick to hide it from the public.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "title"]
        indexes = [models.Index(fields=["kind", "-year"], name="external_kind_year")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publications:external-kind", kwargs={"kind": self.kind})
