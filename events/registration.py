"""What the events tell the editorial base: their history, their roles, their previews and
share links, the pre-publish check and the CSV export.

Called once, from ``EventsConfig.ready()``.
"""

from editorial.csv_export import absolute_url, local_time, names
from editorial.registry import (
    OWNERSHIP_FIELDS,
    CheckRules,
    ReviewPage,
    Transition,
    Workflow,
    register_checks,
    register_csv,
    register_link_targets,
    register_publishable,
    register_recovered_with,
    register_roles,
    register_versioned,
)
from publications.models import Publication

from . import links, views
from .models import Event, EventSpeaker

CSV_COLUMNS = [
    ("Title", lambda o, r: o.title),
    ("Kind", lambda o, r: o.get_kind_display()),
    ("Status", lambda o, r: o.get_status_display()),
    ("Starts", lambda o, r: local_time(o.start)),
    ("Ends", lambda o, r: local_time(o.end)),
    ("Venue", lambda o, r: o.venue),
    ("Online link", lambda o, r: o.online_url),
    ("Organising centre", lambda o, r: o.centre or ""),
    ("Speakers", lambda o, r: names(s.display_name for s in o.speakers.all())),
    ("URL", absolute_url),
]


def register():
    register_versioned(Event, follow=["speakers"], kept_on_restore=OWNERSHIP_FIELDS)
    register_versioned(EventSpeaker)
    # An event's "related publications" links, stored when the publication is deleted and
    # brought back with it.
    register_versioned(Event.related_publications.through)
    register_recovered_with(
        Publication, rows=Event.related_publications.through, field_name="publication"
    )

    register_publishable(
        Event,
        permission="events.publish_event",
        public_state=("status", (Event.Status.PUBLISHED,)),
        review_page=ReviewPage(views.item_for_review, views.render_detail),
        workflow=Workflow(
            withdrawn=Event.Status.DRAFT,
            extra=(
                Transition(
                    "cancel", "Mark as cancelled", Event.Status.CANCELLED,
                    "It stays on the site, marked as cancelled.",
                    offered_from=(Event.Status.PUBLISHED, Event.Status.POSTPONED),
                ),
                Transition(
                    "postpone", "Mark as postponed", Event.Status.POSTPONED,
                    "It stays on the site, marked as postponed.",
                    offered_from=(Event.Status.PUBLISHED, Event.Status.CANCELLED),
                ),
                Transition(
                    "reinstate", "Mark as going ahead", Event.Status.PUBLISHED,
                    "It shows on the site as taking place again.",
                    offered_from=(Event.Status.CANCELLED, Event.Status.POSTPONED),
                ),
            ),
        ),
    )  # fmt: skip
    register_checks(Event, CheckRules(summary="summary", body="description"))
    register_csv(
        Event,
        columns=CSV_COLUMNS,
        select_related=["centre"],
        prefetch_related=["speakers__person"],
    )
    register_roles("events", written=[Event], edited_inside=[EventSpeaker])
    # Links in bodies to events: whether readers can open them.
    register_link_targets(["events:detail", "events:ics"], links.public_events)
