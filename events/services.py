"""Writes to events (publishing, cancelling) and the clock that moves them from upcoming to past."""

import datetime

from django.db.models import Min, Q
from django.utils import timezone

from .models import Event

# An event stays “upcoming” up to and including its end (``end >= now``), so the list changes
# at the first moment after it.
JUST_AFTER = datetime.timedelta(microseconds=1)


def event_release(*, event):
    """Note when a public event was first announced (feeds date it from then), and save it."""
    if event.is_public() and event.published_at is None:
        event.published_at = timezone.now()
    event.save()
    return event


def event_publish(*, event):
    """Publish an event; raises ValidationError (and saves nothing) if it is incomplete."""
    event.status = Event.Status.PUBLISHED
    event.full_clean()
    return event_release(event=event)


def event_cancel(*, event):
    """Cancel an event: it stays on the site, marked cancelled, and calendars are told."""
    event.status = Event.Status.CANCELLED
    return event_release(event=event)


def next_event_change():
    """The next moment at which the clock alone changes what the events pages show: an event
    starts (“under way”), ends (upcoming becomes past) or closes registration.

    Registered with ``core.content_cache.register_deadline``: the content generation ends at
    that moment, so every kept list and page is rebuilt without a background job.
    """
    now = timezone.now()
    found = Event.objects.public().aggregate(
        start=Min("start", filter=Q(start__gt=now)),
        end=Min("end", filter=Q(end__gte=now)),
        deadline=Min("registration_deadline", filter=Q(registration_deadline__gt=now)),
    )
    moments = [found["start"], found["end"] and found["end"] + JUST_AFTER, found["deadline"]]
    moments = [moment for moment in moments if moment is not None]
    return min(moments) if moments else None
