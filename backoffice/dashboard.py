"""What the admin's front page shows each member of staff: their drafts (their own and those
shared with them), what waits for review, what is scheduled and what went out recently, across
publications, events and media items."""

from dataclasses import dataclass
from datetime import datetime, time

from django.urls import reverse
from django.utils import timezone

from editorial.admin import status_badge
from editorial.ownership import is_editor, worked_on_by
from events.models import Event
from newsroom.models import MediaItem
from publications.models import Publication

#: Rows per panel; each panel costs one query per model, whatever the amount of content.
LIMIT = 8


@dataclass
class Row:
    obj: object
    kind: str
    when: datetime | None

    @property
    def title(self):
        return str(self.obj)

    @property
    def badge(self):
        return status_badge(self.obj)

    @property
    def change_url(self):
        opts = self.obj._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.obj.pk])

    @property
    def preview_url(self):
        return self.obj.get_absolute_url()


def _rows(queryset, kind, when):
    return [Row(obj, kind, when(obj)) for obj in queryset[:LIMIT]]


def _merge(rows, *, newest_first=True):
    far = timezone.make_aware(datetime.min.replace(year=1900))
    rows.sort(key=lambda row: row.when or far, reverse=newest_first)
    return rows[:LIMIT]


def _midday(day):
    return timezone.make_aware(datetime.combine(day, time(12))) if day else None


def panels(user):
    """The four panels for ``user``, limited to the kinds of item they may see."""
    publications = Publication.objects.select_related("series")
    sources = []
    if user.has_perm("publications.view_publication"):
        sources.append(("publication", publications, "status", "updated_at"))
    if user.has_perm("events.view_event"):
        sources.append(("event", Event.objects.all(), "status", "updated_at"))
    media = user.has_perm("newsroom.view_mediaitem")
    if media:
        sources.append(("media item", MediaItem.objects.all(), "status", "updated_at"))

    mine, review, scheduled, recent = [], [], [], []
    for kind, queryset, _, _ in sources:
        own = queryset.filter(worked_on_by(user, queryset.model))
        mine += _rows(
            own.filter(status__in=("draft", "review")).order_by("-updated_at"),
            kind,
            lambda obj: obj.updated_at,
        )
        # A contributor may open only their own and shared drafts: the others are not listed.
        waiting = queryset if is_editor(user, queryset.model) else own
        review += _rows(
            waiting.filter(status="review").order_by("updated_at"),
            kind,
            lambda obj: obj.updated_at,
        )
    now = timezone.now()
    if user.has_perm("publications.view_publication"):
        scheduled = _rows(
            publications.filter(status="scheduled", published_at__gt=now).order_by("published_at"),
            "publication",
            lambda obj: obj.published_at,
        )
        recent += _rows(
            publications.public().order_by("-published_at"),
            "publication",
            lambda obj: obj.published_at,
        )
    if user.has_perm("events.view_event"):
        recent += _rows(
            Event.objects.public().exclude(published_at=None).order_by("-published_at"),
            "event",
            lambda obj: obj.published_at,
        )
    if media:
        recent += _rows(
            MediaItem.objects.public().order_by("-date", "-id"),
            "media item",
            lambda obj: _midday(obj.date),
        )
    return [
        {"title": "My drafts", "rows": _merge(mine), "empty": "You have no drafts."},
        {
            "title": "Awaiting review",
            "rows": _merge(review, newest_first=False),
            "empty": "Nothing is waiting for review.",
        },
        {
            "title": "Scheduled",
            "rows": scheduled,
            "empty": "Nothing is scheduled.",
        },
        {"title": "Recently published", "rows": _merge(recent), "empty": "Nothing yet."},
    ]
