"""Series (with their codes' counters) and the category tree."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from mptt.models import MPTTModel, TreeForeignKey

from core.text import SingleLineFields

CODE_PATTERN = re.compile(r"(?P<prefix>[A-Z]{2,4})(?P<year>[0-9]{2})(?P<number>[0-9]{3})")
RESERVED_SERIES_SLUGS = {"year", "feeds"}


class Series(SingleLineFields, models.Model):
    """An RSIS series, e.g. Commentaries (code prefix CO)."""

    single_line_fields = ("name", "item_name", "code_prefix")

    name = models.CharField(max_length=200, unique=True, help_text="e.g. “Commentaries”.")
    item_name = models.CharField(
        max_length=100, help_text="What one item is called, e.g. “RSIS Commentary”."
    )
    slug = models.SlugField(
        "address",
        max_length=100,
        unique=True,
        help_text="The last part of the series' address: “commentaries” in "
        "/publications/commentaries/.",
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
        "teaser beside publications",
        default=False,
        help_text="Show this series' latest item beside every publication (“Latest Book”).",
    )
    alert_subscribers = models.BooleanField(
        "alert subscribers when published",
        default=True,
        help_text="Email this series' new items to the readers who follow them.",
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
            raise ValidationError(
                {"slug": "This address belongs to another part of the site; choose another."}
            )


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
    slug = models.SlugField(
        "address",
        max_length=100,
        help_text="Its part of the category's address: “southeast-asia-and-asean” in "
        "/categories/country-and-region-studies/southeast-asia-and-asean/.",
    )
    parent = TreeForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="Leave empty for a top-level category, such as “Country and Region "
        "Studies”: lists of publications can be narrowed by each top-level category.",
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
        from ..categories import category_nodes

        return reverse("publications:category", kwargs={"path": category_nodes()[self.pk].path})

    @property
    def full_name(self):
        """Its name after its parents', e.g. “Country and Region Studies › Southeast Asia and
        ASEAN”: how the admin names it wherever a category is chosen."""
        from ..categories import category_nodes

        node = category_nodes().get(self.pk)
        return node.full_name if node is not None else self.name

    def clean(self):
        siblings = Category.objects.filter(parent=self.parent, slug=self.slug).exclude(pk=self.pk)
        if self.slug and siblings.exists():
            raise ValidationError(
                {"slug": "Another category under the same parent already has this address."}
            )
