"""Demo events: a dozen invented seminars, lectures, courses and conferences, dated around today.

``events.json`` holds them, written for this project. An event is dated ``days`` from the day
the demo is loaded (moved off weekends, so there is always something upcoming and something
past), starts ``at`` a local time and lasts ``hours``. Its centre and staff speakers are named
by slug, guests by name and affiliation; ``report`` links the latest public event report.
Online events are shown on the school's video channel and sign-ups go to its own site.
An event was announced (created, published and last updated) eight weeks before it starts,
or the day before the demo is loaded if it starts later than that; a cancelled or postponed
one was last updated when that was announced, a week before it was due.
``events_load_demo()`` creates the events that do not exist yet (by slug) and never changes
existing ones.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from core.demodata import demo_json, demo_moment
from events.dates import site_zone
from events.models import Event, EventSpeaker
from events.services import event_release
from publications.models import Publication
from research.models import Centre
from staff.models import Person

EVENT_REPORTS = "event-reports"
ANNOUNCED_BEFORE = datetime.timedelta(weeks=8)
CHANGED_BEFORE = datetime.timedelta(weeks=1)


def events_demo_data():
    """The demo events' records, as ``events.json`` gives them."""
    return demo_json(__name__, "events.json")


@transaction.atomic
def events_load_demo():
    """Create the demo events that do not exist yet; return how many were created."""
    people = {person.slug: person for person in Person.objects.all()}
    centres = {centre.slug: centre for centre in Centre.objects.all()}
    report = (
        Publication.objects.public()
        .filter(series__slug=EVENT_REPORTS)
        .order_by("-publication_date", "-id")
        .first()
    )
    today = timezone.localdate(timezone=site_zone())
    created = 0
    for spec in events_demo_data():
        if Event.objects.filter(slug=spec["slug"]).exists():
            continue
        _create(spec, today, people, centres, report)
        created += 1
    return created


def _create(spec, today, people, centres, report):
    day = today + datetime.timedelta(days=spec["days"])
    if day.weekday() >= 5:  # Saturday or Sunday: the Monday after
        day += datetime.timedelta(days=7 - day.weekday())
    at = datetime.time.fromisoformat(spec["at"])
    start = datetime.datetime.combine(day, at, tzinfo=site_zone())
    end = start + datetime.timedelta(hours=spec["hours"])
    event = Event(
        title=spec["title"],
        slug=spec["slug"],
        kind=spec["kind"],
        start=start,
        end=end,
        venue=spec["venue"],
        online_url=spec.get("online_url", ""),
        centre=centres.get(spec["centre"]),
        summary=spec["summary"],
        description=spec["description"],
        status=spec.get("status", Event.Status.PUBLISHED),
    )
    if spec.get("registration_url"):
        event.registration_url = spec["registration_url"]
        event.registration_deadline = start - datetime.timedelta(days=2)
    event.full_clean()
    event_release(event=event)
    for order, speaker in enumerate(_speakers(spec["speakers"], people)):
        speaker.event, speaker.order = event, order
        speaker.full_clean()
        speaker.save()
    if spec.get("report") and report is not None:
        event.related_publications.add(report)
    latest = demo_moment(today - datetime.timedelta(days=1))
    announced = min(start - ANNOUNCED_BEFORE, latest)
    changed = announced
    if event.status in (Event.Status.CANCELLED, Event.Status.POSTPONED):
        changed = max(min(start - CHANGED_BEFORE, latest), announced)
    Event.objects.filter(pk=event.pk).update(
        created_at=announced, published_at=announced, updated_at=changed
    )


def _speakers(specs, people):
    """EventSpeaker rows for ``specs``, skipping staff who are not in the database.

    A speaker is a staff slug, ``{"person": slug, "role": …}``, or a guest's fields.
    """
    speakers = []
    for spec in specs:
        if isinstance(spec, str):
            spec = {"person": spec}
        if "person" not in spec:
            speakers.append(EventSpeaker(**spec))
        elif spec["person"] in people:
            speakers.append(EventSpeaker(person=people[spec["person"]], role=spec.get("role", "")))
    return speakers
