from django.db import models
from django.urls import reverse

from core.richtext import RichTextField


class CentreQuerySet(models.QuerySet):
    def with_people(self):
        return self.select_related("head")


class Centre(models.Model):
    """A research centre or programme, e.g. the Institute of Defence and Strategic Studies."""

    class Kind(models.TextChoices):
        CENTRE = "centre", "Research centre"
        PROGRAMME = "programme", "Research programme"

    name = models.CharField(max_length=200, unique=True)
    acronym = models.CharField(max_length=20, help_text="e.g. IDSS, NTS Centre.")
    slug = models.SlugField(
        "address",
        max_length=100,
        unique=True,
        help_text="The last part of its address: “idss” in /research/idss/.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CENTRE)
    summary = models.CharField(
        max_length=300, help_text="One sentence for lists, menus and search engines."
    )
    description = RichTextField(blank=True, help_text="What the centre studies and does.")
    head = models.ForeignKey(
        "staff.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_centres",
        help_text="Head of the centre or programme.",
    )
    members = models.ManyToManyField(
        "staff.Person", blank=True, related_name="centres", help_text="Researchers and staff."
    )
    website = models.URLField(blank=True, help_text="Separate website, if it has one.")
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")

    objects = CentreQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "order", "name"]
        verbose_name = "centre or programme"
        verbose_name_plural = "centres and programmes"

    def __str__(self):
        return f"{self.name}"

    def get_absolute_url(self):
        return reverse("research:centre", kwargs={"slug": self.slug})
