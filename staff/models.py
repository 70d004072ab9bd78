from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from core.images import ValidatedImageField, picture, rendition
from core.richtext import RichTextField
from core.text import SingleLineFields

RESERVED_GROUP_SLUGS = {"people"}
THUMB = (160, 160)
PORTRAIT = (400, 500)


class StaffGroup(models.Model):
    """A section of the staff directory, e.g. “Faculty and Research”."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(
        "address",
        max_length=100,
        unique=True,
        help_text="The last part of the group's address: “faculty-and-research” in "
        "/staff/faculty-and-research/.",
    )
    description = models.TextField(blank=True, help_text="Short introduction on the group page.")
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("staff:group", kwargs={"slug": self.slug})

    def clean(self):
        if self.slug in RESERVED_GROUP_SLUGS:
            raise ValidationError(
                {"slug": "This address belongs to another part of the site; choose another."}
            )


class ExpertiseArea(TagBase):
    """A field of expertise (kept apart from the free tags of publications)."""

    class Meta:
        ordering = ["name"]
        verbose_name = "area of expertise"
        verbose_name_plural = "areas of expertise"


class PersonExpertise(TaggedItemBase):
    content_object = models.ForeignKey("Person", on_delete=models.CASCADE)
    tag = models.ForeignKey(ExpertiseArea, on_delete=models.CASCADE, related_name="assignments")

    class Meta:
        verbose_name = "expertise of a person"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_expertise"),
        ]


_public_reasons = []


def also_public(reason):
    """Register ``reason()``: a condition on people (a ``Q`` or ``Exists``) under which someone
    no longer on the staff keeps a public profile, e.g. public work naming them as an author.

    Apps that name people register one from their own ``AppConfig.ready()``, so that staff
    need not know them.
    """
    _public_reasons.append(reason)


class PersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def public(self):
        """People whose profile the public may see: current staff, and former staff for whom a
        registered reason holds (``also_public``). Lists of current staff use ``active()``."""
        condition = Q(active=True)
        for reason in _public_reasons:
            condition |= reason()
        return self.filter(condition)


class Person(SingleLineFields, models.Model):
    """A member of staff, current or former. Former staff stay so their work still names them."""

    single_line_fields = ("honorific", "name", "sort_name", "position")

    honorific = models.CharField(max_length=40, blank=True, help_text="e.g. Dr, Prof, Amb.")
    name = models.CharField(max_length=200, help_text="As printed, e.g. “Chris Cheang”.")
    sort_name = models.CharField(
        "name for sorting",
        max_length=200,
        help_text="For alphabetical order, family name first: “Cheang, Chris”.",
    )
    slug = models.SlugField(
        "address",
        max_length=120,
        unique=True,
        help_text="The last part of the profile's address: “chris-cheang” in "
        "/staff/people/chris-cheang/.",
    )
    position = models.CharField(max_length=200, blank=True, help_text="e.g. “Senior Fellow”.")
    groups = models.ManyToManyField(
        StaffGroup, through="Membership", related_name="people", blank=True
    )
    photo = ValidatedImageField(
        upload_to="people/",
        blank=True,
        help_text="JPEG, PNG or WebP, at most 8 MB. Cropped to a portrait automatically.",
    )
    photo_160_jpeg = rendition("photo", *THUMB, "JPEG")
    photo_160_webp = rendition("photo", *THUMB, "WEBP")
    photo_320_jpeg = rendition("photo", THUMB[0] * 2, THUMB[1] * 2, "JPEG")
    photo_320_webp = rendition("photo", THUMB[0] * 2, THUMB[1] * 2, "WEBP")
    photo_400_jpeg = rendition("photo", *PORTRAIT, "JPEG")
    photo_400_webp = rendition("photo", *PORTRAIT, "WEBP")
    photo_800_jpeg = rendition("photo", PORTRAIT[0] * 2, PORTRAIT[1] * 2, "JPEG")
    photo_800_webp = rendition("photo", PORTRAIT[0] * 2, PORTRAIT[1] * 2, "WEBP")
    short_bio = models.CharField(
        max_length=400,
        blank=True,
        help_text="One or two sentences, printed as “About the Author” under their work.",
    )
    full_bio = RichTextField(blank=True, help_text="Biography on the profile page.")
    expertise = TaggableManager(
        through=PersonExpertise,
        blank=True,
        verbose_name="expertise",
        related_name="people",
        help_text="The fields they work on, separated by commas, e.g. “Maritime security, ASEAN”.",
    )
    email = models.EmailField("email address", blank=True)
    website = models.URLField(blank=True, help_text="Personal or institutional page.")
    linkedin = models.URLField(
        "LinkedIn",
        blank=True,
        help_text="The full address of their LinkedIn profile, e.g. "
        "https://www.linkedin.com/in/chris-cheang/.",
    )
    orcid = models.URLField(
        "ORCID iD",
        blank=True,
        help_text="Their ORCID address, e.g. https://orcid.org/0000-0002-1825-0097.",
    )
    show_contact = models.BooleanField(
        "show contact details",
        default=False,
        help_text="Show the email address and links on the public profile (with consent only).",
    )
    active = models.BooleanField(
        default=True, help_text="Untick when the person leaves: they leave the directory."
    )
    updated_at = models.DateTimeField("last changed", auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("staff:person", kwargs={"slug": self.slug})

    @property
    def display_name(self):
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    @property
    def initials(self):
        parts = [p for p in self.name.replace("-", " ").split() if p[:1].isalpha()]
        return "".join(p[0] for p in parts[:2]).upper() or "?"

    def thumbnail(self):
        return picture(self, "photo", *THUMB) if self.photo else None

    def portrait(self):
        return picture(self, "photo", *PORTRAIT) if self.photo else None


class Membership(models.Model):
    """A person's place in a staff group, with their order inside it."""

    group = models.ForeignKey(StaffGroup, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")

    class Meta:
        ordering = ["group__order", "order", "person__sort_name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="unique_membership"),
        ]

    def __str__(self):
        return f"{self.person} in {self.group}"
