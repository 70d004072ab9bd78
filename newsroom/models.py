from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property

from core.images import FeatureImage, feature_alt, feature_image
from core.richtext import RichTextField
from core.text import SingleLineFields
from editorial.ownership import author_field, co_editors_field

from . import embeds


class MediaItemQuerySet(models.QuerySet):
    def public(self):
        """What the public may see. Every public list, page, feed and sitemap starts here."""
        return self.filter(status=MediaItem.Status.PUBLISHED)

    def with_page(self):
        """Items that have a page of their own (a text or a player)."""
        return self.exclude(body="", embed_url="")

    def for_cards(self):
        """What a list shows: the items and the public profiles of the people in them."""
        from staff.models import Person

        return self.prefetch_related(
            models.Prefetch("people", queryset=Person.objects.public().order_by("sort_name"))
        )


class MediaItem(SingleLineFields, FeatureImage):
    """Coverage of RSIS elsewhere, or something RSIS said: a release, a speech, a recording."""

    single_line_fields = ("title", "outlet", "original_title")

    class Kind(models.TextChoices):
        HIGHLIGHT = "highlights", "Media Highlights"
        NEWS_RELEASE = "news-releases", "News Releases"
        SPEECH = "speeches", "Speeches"
        VIDEO = "videos", "Videos"
        AUDIO = "audio", "Audio"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "Awaiting review"
        PUBLISHED = "published", "Published"
        WITHDRAWN = "withdrawn", "Withdrawn"

    ITEM_NAMES = {
        Kind.HIGHLIGHT: "Media highlight",
        Kind.NEWS_RELEASE: "News release",
        Kind.SPEECH: "Speech",
        Kind.VIDEO: "Video",
        Kind.AUDIO: "Audio",
    }

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.HIGHLIGHT)
    title = models.CharField(
        max_length=300,
        help_text="Our title for the item. For coverage, say what it is about, e.g. "
        "“Russia’s outreach to ASEAN”.",
    )
    slug = models.SlugField(
        "address",
        max_length=200,
        help_text="The last part of its address, unique within its kind: “new-dean-appointed” "
        "in /media/news-releases/new-dean-appointed/.",
    )
    date = models.DateField(help_text="When it appeared, was issued or was given.")
    outlet = models.CharField(
        max_length=200,
        blank=True,
        help_text="The newspaper, broadcaster or site, as it names itself. Leave empty if unknown.",
    )
    original_title = models.CharField(
        max_length=400, blank=True, help_text="The headline the outlet gave it, copied exactly."
    )
    url = models.URLField(
        "link",
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Where to read, watch or listen to the original. Optional for our own "
        "releases and speeches.",
    )
    summary = models.TextField(
        blank=True,
        help_text="A few sentences in our own words (never copied from the original). "
        "Shown in lists and feeds.",
    )
    body = RichTextField(
        blank=True, help_text="The full text of a news release or speech. Gives the item a page."
    )
    people = models.ManyToManyField(
        "staff.Person",
        blank=True,
        related_name="media_items",
        help_text="RSIS people quoted, interviewed or speaking; linked to their profiles.",
    )
    embed_url = models.CharField(
        "player address",
        max_length=embeds.MAX_LENGTH,
        blank=True,
        help_text="For a video or audio item: its address on YouTube, Vimeo, SoundCloud or "
        "Spotify (e.g. https://www.youtube.com/watch?v=…). It is turned into the player's "
        "address when saved, and gives the item a page with the player.",
    )
    image = feature_image(
        upload_to="media-items/",
        help_text="Optional. JPEG, PNG or WebP, at most 8 MB; shown 16:9 on the item's page.",
    )
    image_alt = feature_alt()
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text="Only published items are shown on the site and in their feed.",
    )
    updated_at = models.DateTimeField("last changed", auto_now=True)
    created_at = models.DateTimeField("created", auto_now_add=True)
    created_by = author_field()
    co_editors = co_editors_field("co_edited_media_items")

    objects = MediaItemQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "media item"
        permissions = [("publish_mediaitem", "Can publish and unpublish media items")]
        constraints = [
            models.UniqueConstraint(fields=["kind", "slug"], name="unique_media_item_slug"),
        ]
        indexes = [models.Index(fields=["kind", "-date", "-id"], name="media_item_kind_recent")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.has_page:
            return reverse("newsroom:detail", kwargs={"kind": self.kind, "slug": self.slug})
        return f"{reverse('newsroom:kind', kwargs={'kind': self.kind})}#{self.anchor}"

    @property
    def has_page(self):
        """Whether the item has a page of its own; coverage without a text or player does not."""
        return bool(self.body or self.embed_url)

    @property
    def anchor(self):
        return f"{self.kind}-{self.slug}"

    @property
    def item_name(self):
        return self.ITEM_NAMES.get(self.kind, "Media item")

    @property
    def original_label(self):
        """The words of the link to the original, e.g. “Watch on CNA” or “Read the original”."""
        verb, on = {self.Kind.VIDEO: ("Watch", "on"), self.Kind.AUDIO: ("Listen", "on")}.get(
            self.kind, ("Read", "in")
        )
        return f"{verb} {on} {self.outlet}" if self.outlet else f"{verb} the original"

    def link_url(self):
        """Where the item's title leads: its page, else the original, else its place in the list."""
        if self.has_page or not self.url:
            return self.get_absolute_url()
        return self.url

    def is_public(self):
        return self.status == self.Status.PUBLISHED

    @cached_property
    def player(self):
        """The embedded player, or None; a stored address that no longer validates shows none."""
        if not self.embed_url:
            return None
        try:
            return embeds.player(self.embed_url)
        except ValidationError:
            return None

    def clean(self):
        try:
            self.embed_url = embeds.player_src(self.embed_url)
        except ValidationError as error:
            raise ValidationError({"embed_url": error.messages}) from error
