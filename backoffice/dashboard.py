"""What the admin's front page shows each member of staff, across publications, events and media
items: what waits for their review, what was sent back to them (with the latest comment),
their drafts (their own and those shared with them), what awaits review, drafts nobody owns
(for editors), what is scheduled and what went out recently.

Each panel costs a fixed number of queries (one per kind of item, and one for the review
details of its rows), whatever the amount of content.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from editorial import review
from editorial.ownership import is_editor, worked_on_by
from editorial.times import local_time
from events.models import Event
from newsroom.models import MediaItem
from publications.models import Publication

#: Rows per panel.
LIMIT = 8


@dataclass
class Row:
    obj: object
    kind: str
    when: datetime | None
    #: A line under the title: who asked for a review, the latest comment...
    detail: str = ""
    #: Whether only the day of ``when`` means something (a media item's date).
    day_only: bool = False

    @property
    def title(self):
        return str(self.obj)

    @property
    def badge(self):
        """The item's state; its time is in its own column, never twice."""
        obj = self.obj
        return format_html(
            '<span class="status status--{}">{}</span>', obj.status, obj.get_status_display()
        )

    @property
    def when_text(self):
        """E.g. "3 Dec 2026, 14:05 SGT", or "3 Dec 2026" for a day."""
        if self.when is None:
            return ""
        if self.day_only:
            return date_format(timezone.localtime(self.when), "j M Y")
        return f"{local_time(self.when)} SGT"

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


def _sources(user):
    """``(kind, queryset)`` of the kinds of item ``user`` may see."""
    sources = []
    if user.has_perm("publications.view_publication"):
        sources.append(("publication", Publication.objects.select_related("series")))
    if user.has_perm("events.view_event"):
        sources.append(("event", Event.objects.all()))
    if user.has_perm("newsroom.view_mediaitem"):
        sources.append(("media item", MediaItem.objects.all()))
    return sources


def _quote(text, limit=160):
    text = " ".join(text.split())
    return f"“{text[: limit - 1]}…”" if len(text) > limit else f"“{text}”"


def _asked_details(rows):
    """Who asked for each review, and their note (one query for the whole panel)."""
    requests = review.requests_by_id(row.obj.review_request_id for row in rows)
    for row in rows:
        request = requests.get(row.obj.review_request_id)
        if request is None:
            continue
        asked = "you" if request.reviewer_id else "every editor"
        row.detail = f"{review.person(request.requested_by)} asked {asked}"
        row.detail += f": {_quote(request.note)}" if request.note else "."
    return rows


def _comment_details(rows):
    """The latest comment of each conversation, and who wrote it (one query)."""
    comments = review.comments_by_id(row.obj.review_comment_id for row in rows)
    for row in rows:
        comment = comments.get(row.obj.review_comment_id)
        if comment is not None and comment.text:
            row.detail = f"{review.person(comment.author)}: {_quote(comment.text)}"
    return rows


def panels(user):
    """The panels for ``user``, limited to the kinds of item they may see."""
    waiting, sent_back, mine, in_review, unowned = [], [], [], [], []
    reviews_any = False
    for kind, queryset in _sources(user):
        model = queryset.model
        editor = is_editor(user, model)
        reviews_any = reviews_any or editor
        own = queryset.filter(worked_on_by(user, model))
        mine += _rows(
            own.filter(status__in=("draft", "review")).order_by("-updated_at"),
            kind,
            lambda obj: obj.updated_at,
        )
        sent_back += _rows(
            review.sent_back_to(user, queryset).order_by("-review_sent_back_at"),
            kind,
            lambda obj: obj.review_sent_back_at,
        )
        # A contributor may open only their own and shared drafts: the others are not listed.
        in_review += _rows(
            (queryset if editor else own).filter(status="review").order_by("updated_at"),
            kind,
            lambda obj: obj.updated_at,
        )
        if editor:
            waiting += _rows(
                review.waiting_for(user, queryset).order_by("review_asked_at"),
                kind,
                lambda obj: obj.review_asked_at,
            )
            # Drafts whose author left (or that were imported) are nobody's: editors see them.
            unowned += _rows(
                queryset.filter(status__in=("draft", "review"), created_by=None).order_by(
                    "-updated_at"
                ),
                kind,
                lambda obj: obj.updated_at,
            )
    result = []
    if reviews_any:
        result.append(
            {
                "title": "Waiting for my review",
                "rows": _asked_details(_merge(waiting, newest_first=False)),
                "empty": "Nobody is waiting for your review.",
            }
        )
    result += [
        {
            "title": "Sent back to me",
            "rows": _comment_details(_merge(sent_back)),
            "empty": "Nothing was sent back to you.",
        },
        {"title": "My drafts", "rows": _merge(mine), "empty": "You have no drafts."},
        {
            "title": "Awaiting review",
            "rows": _merge(in_review, newest_first=False),
            "empty": "Nothing is waiting for review.",
        },
    ]
    if reviews_any:
        result.append(
            {
                "title": "Drafts without an author",
                "rows": _merge(unowned),
                "empty": "Every draft has an author.",
            }
        )
    return result + _published(user)


def _published(user):
    """The "Scheduled" and "Recently published" panels."""
    scheduled, recent = [], []
    now = timezone.now()
    if user.has_perm("publications.view_publication"):
        publications = Publication.objects.select_related("series")
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
    if user.has_perm("newsroom.view_mediaitem"):
        days = _rows(
            MediaItem.objects.public().order_by("-date", "-id"),
            "media item",
            lambda obj: _midday(obj.date),
        )
        for row in days:
            row.day_only = True
        recent += days
    return [
        {"title": "Scheduled", "rows": scheduled, "empty": "Nothing is scheduled."},
        {"title": "Recently published", "rows": _merge(recent), "empty": "Nothing yet."},
    ]
