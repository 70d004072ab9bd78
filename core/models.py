from django.core.exceptions import ValidationError
from django.db import models

from .richtext import RichTextField


def validate_link(value):
    """Accept a site path (``/privacy-statement/``) or an absolute http(s)/mailto URL."""
    if value.startswith("/") and not value.startswith("//"):
        return
    if value.startswith(("https://", "http://", "mailto:")) and " " not in value:
        return
    raise ValidationError(
        "Enter a path on this site starting with “/”, or a full address starting with https://."
    )


class SiteSettings(models.Model):
    """Site-wide facts shown in the header and footer. There is exactly one row."""

    name = models.CharField(
        "site name", max_length=200, help_text="The site's name, shown in the header."
    )
    short_name = models.CharField(
        max_length=40, help_text="Short form used in page titles and breadcrumbs, e.g. “RSIS”."
    )
    tagline = models.CharField(max_length=200, blank=True, help_text="Line under the name.")
    parent_institution = models.CharField(
        max_length=200, blank=True, help_text="Institution the school belongs to."
    )
    introduction = RichTextField(blank=True, help_text="Welcome text on the home page.")
    address = models.TextField(blank=True, help_text="Postal address; one line per row.")
    map_url = models.URLField(
        "map link",
        blank=True,
        help_text="The full address of the location on a map, e.g. https://maps.app.goo.gl/….",
    )
    directions_url = models.CharField(
        "directions page",
        max_length=300,
        blank=True,
        validators=[validate_link],
        help_text="The page with directions: a page of this site, e.g. /contact-us/, or a full "
        "address starting with https://.",
    )
    email = models.EmailField(
        "email address", blank=True, help_text="For general enquiries, shown in the footer."
    )
    copyright_holder = models.CharField(max_length=200, blank=True)
    cookie_notice = models.TextField(
        blank=True, help_text="Short notice shown until the visitor accepts it."
    )
    cookie_policy_url = models.CharField(
        "cookie policy page",
        max_length=300,
        blank=True,
        validators=[validate_link],
        help_text="Where the notice's “Learn more” link leads: a page of this site, e.g. "
        "/privacy-statement/, or a full address starting with https://.",
    )

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self):
        return self.name or "Site settings"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        obj, _ = cls.objects.get_or_create(
            pk=1, defaults={"name": "Site name", "short_name": "Site"}
        )
        return obj


class SocialLink(models.Model):
    class Network(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        X = "x", "X (Twitter)"
        YOUTUBE = "youtube", "YouTube"
        LINKEDIN = "linkedin", "LinkedIn"
        INSTAGRAM = "instagram", "Instagram"
        OTHER = "other", "Other"

    network = models.CharField(max_length=20, choices=Network.choices)
    label = models.CharField(max_length=100, help_text="Account name shown to visitors.")
    url = models.URLField(
        "web address",
        help_text="The account's full address, e.g. https://www.youtube.com/@RSISVideoChannel.",
    )
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.get_network_display()}: {self.label}"


class FooterLink(models.Model):
    class Group(models.TextChoices):
        CONNECT = "connect", "Get in touch"
        SUBSCRIBE = "subscribe", "Subscribe"
        LEGAL = "legal", "Legal"

    group = models.CharField(
        "footer column",
        max_length=20,
        choices=Group.choices,
        help_text="The part of the footer it is listed in.",
    )
    label = models.CharField(max_length=100, help_text="The words of the link.")
    url = models.CharField(
        "web address",
        max_length=300,
        validators=[validate_link],
        help_text="A page of this site, e.g. /privacy-statement/, or a full address starting "
        "with https://.",
    )
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")

    class Meta:
        ordering = ["group", "order", "pk"]

    def __str__(self):
        return self.label
