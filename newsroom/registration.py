"""What the media items tell the editorial base: their history, their roles, their previews
and share links, the pre-publish check and the CSV export.

Called once, from ``NewsroomConfig.ready()``.
"""

from editorial.csv_export import absolute_url, names
from editorial.registry import (
    OWNERSHIP_FIELDS,
    CheckRules,
    ReviewPage,
    register_checks,
    register_csv,
    register_link_targets,
    register_publishable,
    register_roles,
    register_versioned,
)

from . import links, views
from .models import MediaItem

CSV_COLUMNS = [
    ("Title", lambda o, r: o.title),
    ("Kind", lambda o, r: o.get_kind_display()),
    ("Date", lambda o, r: o.date),
    ("Outlet", lambda o, r: o.outlet),
    ("Original title", lambda o, r: o.original_title),
    ("Link", lambda o, r: o.url),
    ("Published", lambda o, r: "yes" if o.is_public() else "no"),
    ("People", lambda o, r: names(p.name for p in o.people.all())),
    ("URL", absolute_url),
]


def register():
    register_versioned(MediaItem, kept_on_restore=OWNERSHIP_FIELDS)
    register_publishable(
        MediaItem,
        permission="newsroom.publish_mediaitem",
        public_state=("status", (MediaItem.Status.PUBLISHED,)),
        review_page=ReviewPage(views.item_for_review, views.render_detail),
    )
    register_checks(MediaItem, CheckRules(summary="summary", body="body"))
    register_csv(MediaItem, columns=CSV_COLUMNS, prefetch_related=["people"])
    register_roles("newsroom", written=[MediaItem])
    # Links in bodies to media items: whether readers can open them.
    register_link_targets(["newsroom:detail"], links.public_items)
