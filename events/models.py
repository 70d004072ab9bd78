from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.images import FeatureImage, feature_alt, feature_credit, feature_image, feature_licence
from core.richtext import RichTextField
from core.text import SingleLineFields
from editorial.ownership import author_field, co_editors_field
from staff.credits import Credit, staff_member


class EventQuerySet(models.QuerySet):
    def public(self):
        """What the public may see: published events, and cancelled or postponed ones (which
        stay up and say so). Drafts are never shown.

        Every public list, page, calendar, feed and sitemap starts from this.
        """
        return self.filter(status__in=Event.PUBLIC_STATUSES)

    def upcoming(self, now=None):
        """Events that have not ended yet (those under way included), soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "id")

    def past(self, now=None):
        """Events that have ended, latest first."""
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-id")


class Event(SingleLineFields, FeatureImage):
    """A seminar, conference, lecture or other event organised by the school."""

    single_line_fields = ("title", "venue", "summary", "image_alt", "image_credit", "image_licence")

    class Kind(models.TextChoices):
        SEMINAR = "seminar", "Seminar"
        CONFERENCE = "conference", "Conference"
        WEBINAR = "webinar", "Webinar"
        ROUNDTABLE = "roundtable", "Roundtable"
        LECTURE = "lecture", "Lecture"
        WORKSHOP = "workshop", "Workshop"
        COURSE = "course", "Course"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "Awaiting review"
        PUBLISHED = "published", "Published"
        CANCELLED = "cancelled", "Cancelled"
        POSTPONED = "postponed", "Postponed"

    PUBLIC_STATUSES = (Status.PUBLISHED, Status.CANCELLED, Status.POSTPONED)

    title = models.CharField(max_length=300)
    slug = models.SlugField(
        "address",
        max_length=200,
        unique=True,
        help_text="The last part of its address: “ports-and-power” in /events/ports-and-power/.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SEMINAR)
    start = models.DateTimeField(
        "starts", help_text="Date and time it begins, in Singapore time unless you say otherwise."
    )
    end = models.DateTimeField("ends", help_text="Date and time it ends; not before the start.")
    venue = models.CharField(
        max_length=300,
        blank=True,
        help_text="Room and building, e.g. “Seminar Room 1, Block S4, NTU”. Leave empty for an "
        "event held only online.",
    )
    online_url = models.URLField(
        "online link",
        max_length=500,
        blank=True,
        help_text="Where to watch or join (Zoom, YouTube…), for an online or hybrid event.",
    )
    centre = models.ForeignKey(
        "research.Centre",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name="organising centre",
        help_text="The centre or programme that organises it, if any.",
    )
    summary = models.CharField(
        max_length=500,
        help_text="One or two plain sentences for lists, feeds, calendars and search engines.",
    )
    description = RichTextField(blank=True, help_text="The full programme and background.")
    image = feature_image(
        upload_to="events/images/",
        help_text="JPEG, PNG or WebP, at most 8 MB; shown 16:9 at the top of the page.",
    )
    image_alt = feature_alt()
    image_credit = feature_credit()
    image_licence = feature_licence()
    registration_url = models.URLField(
        "registration link",
        max_length=500,
        blank=True,
        help_text="The sign-up form. It is hidden once the deadline or the event has passed.",
    )
    registration_deadline = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Last moment to register. Leave empty to accept sign-ups until the event ends.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text="Drafts are hidden. Cancelled and postponed events stay on the site with a "
        "notice, so people who planned to come find out.",
    )
    related_publications = models.ManyToManyField(
        "publications.Publication",
        blank=True,
        related_name="events",
        help_text="E.g. the event report. Only public publications are shown.",
    )
    published_at = models.DateTimeField(
        "first announced",
        null=True,
        blank=True,
        editable=False,
        help_text="When the event was first announced (the date feeds give it).",
    )
    updated_at = models.DateTimeField("last changed", auto_now=True)
    created_at = models.DateTimeField("created", auto_now_add=True)
    created_by = author_field()
    co_editors = co_editors_field("co_edited_events")

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "-id"]
        permissions = [("publish_event", "Can publish, cancel and postpone events")]
        indexes = [
            models.Index(fields=["end", "start"], name="event_end_start"),
            models.Index(fields=["-start", "-id"], name="event_recent"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def is_public(self):
        return self.status in self.PUBLIC_STATUSES

    def clean(self):
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "The event cannot end before it starts."
        if self.status != self.Status.DRAFT and not (self.venue.strip() or self.online_url):
            errors["venue"] = "Give a venue, an online link, or both, before publishing."
        deadline = self.registration_deadline
        if deadline and self.end and deadline > self.end:
            errors["registration_deadline"] = "Registration cannot close after the event ends."
        if deadline and not self.registration_url:
            errors["registration_url"] = "Give the registration link the deadline is for."
        if errors:
            raise ValidationError(errors)

    def has_ended(self, now=None):
        return self.end < (now or timezone.now())

    def is_under_way(self, now=None):
        now = now or timezone.now()
        return self.start <= now <= self.end

    def registration_open(self, now=None):
        """Whether to show the registration link: a published event, before its deadline and
        before it ends."""
        if self.status != self.Status.PUBLISHED or not self.registration_url:
            return False
        closes = min(filter(None, (self.registration_deadline, self.end)))
        return (now or timezone.now()) < closes


class EventSpeaker(Credit):
    """A speaker, chair or panellist of an event, in order: staff, or an outside guest."""

    credited_as = "speaker"
    staff_name = "display_name"  # with the honorific, as the programme prints it
    single_line_fields = (*Credit.single_line_fields, "role")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers")
    person = staff_member(
        related_name="event_appearances", help_text="A member of staff (their profile is linked)."
    )
    role = models.CharField(
        max_length=100, blank=True, help_text="Optional, e.g. “Chair”, “Discussant”, “Keynote”."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    class Meta(Credit.Meta):
        verbose_name = "speaker"

    def clean(self):
        super().clean()
        if self.person_id and self.affiliation.strip():
            raise ValidationError(
                {"affiliation": "Staff are shown with their position; leave this empty."}
            )
