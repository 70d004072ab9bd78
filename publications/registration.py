"""What the publications tell the editorial base: their history, their roles, their previews
and share links, the pre-publish check, the CSV export, and what a restore puts right; and
what they tell the redirects: an item whose address changes (its slug, its series, its series'
slug) leaves its old address leading to it, and a withdrawn item's address answers 410 Gone.

Called once, from ``PublicationsConfig.ready()``.
"""

from django.urls import reverse
from taggit.models import TaggedItem

from editorial.checks import ERROR
from editorial.csv_export import absolute_url, local_time, names
from editorial.registry import (
    OWNERSHIP_FIELDS,
    CheckRules,
    ReviewPage,
    Workflow,
    register_checks,
    register_csv,
    register_link_targets,
    register_publishable,
    register_recovered_with,
    register_roles,
    register_versioned,
)
from editorial.versioning import TREE_FIELDS
from redirects.tracking import register_moves

from . import links, views
from .models import (
    Authorship,
    Category,
    ExternalPublication,
    HomeFeature,
    IssuedCode,
    Publication,
    Series,
)
from .services import code_announcement


def reclaim_code(publication, using):
    """A recovered publication takes back its own series code.

    Codes are never given twice: when a publication is deleted its code stays reserved with no
    item. The version being restored shows this item had the code, so the reservation is its
    own again (otherwise the check "given to an item since removed" would refuse it).
    """
    if publication.code:
        IssuedCode._base_manager.using(using).filter(
            code=publication.code, publication__isnull=True
        ).update(publication=publication.pk)


def series_disclaimer(report, publication):
    """A publication in a series goes out with the series' disclaimer: the series needs one."""
    if not getattr(publication, "series_id", None):
        return
    series = publication.series
    if not (series.disclaimer or "").strip():
        report.add(
            ERROR,
            "series",
            f"The series “{series}” has no disclaimer: add one to the series before "
            "publishing items in it.",
        )


CSV_COLUMNS = [
    ("Code", lambda o, r: o.code or ""),
    ("Title", lambda o, r: o.title),
    ("Series", lambda o, r: o.series.name),
    ("Status", lambda o, r: o.get_status_display()),
    ("Publication date", lambda o, r: o.publication_date or ""),
    ("Published at", lambda o, r: local_time(o.published_at)),
    ("Authors", lambda o, r: names(a.display_name for a in o.authorships.all())),
    ("Categories", lambda o, r: names(o.categories.all())),
    ("Tags", lambda o, r: names(sorted(t.name for t in o.tags.all()))),
    ("URL", absolute_url),
]


def is_withdrawn(publication):
    return publication.status == Publication.Status.WITHDRAWN


def series_addresses(series):
    """``{item: address}`` of a series' page and of its public items, under the series' slug
    as given (as it is, or as it was): what moves when the series is renamed (one query)."""
    items = Publication.objects.public().filter(series_id=series.pk).only("id", "slug")
    addresses = {series: reverse("publications:series", kwargs={"series": series.slug})}
    for item in items if series.pk is not None else ():
        kwargs = {"series": series.slug, "slug": item.slug}
        addresses[item] = reverse("publications:detail", kwargs=kwargs)
    return addresses


def register():
    register_versioned(Series)
    register_versioned(Category, exclude=TREE_FIELDS)
    # The series code is the publication's permanent name (short links, citations), whatever
    # an old version says.
    register_versioned(
        Publication,
        follow=["authorships", "tagged_items"],
        kept_on_restore=("code", *OWNERSHIP_FIELDS),
        after_restore=reclaim_code,
    )
    register_versioned(Authorship)
    register_versioned(ExternalPublication)
    register_versioned(HomeFeature)
    # The tag links of publications, stored with them (the tags themselves are shared).
    register_versioned(TaggedItem)
    # The "related" links between publications, stored when one end is deleted.
    register_versioned(Publication.related.through)
    register_recovered_with(Publication, rows=HomeFeature, field_name="publication")
    register_recovered_with(
        Publication, rows=Publication.related.through, field_name="to_publication"
    )

    register_publishable(
        Publication,
        permission="publications.publish_publication",
        public_state=("status", Publication.RELEASED),
        review_page=ReviewPage(
            views.item_for_review, views.render_detail, render_pdf=views.draft_pdf_response
        ),
        workflow=Workflow(
            scheduled=Publication.Status.SCHEDULED,
            announce=code_announcement,
            editor_fields=("code",),
        ),
    )
    register_checks(
        Publication,
        CheckRules(
            summary="synopsis",
            body="body",
            categories="categories",
            authors="authorships",
            pdf="pdf",
            extra=(series_disclaimer,),
        ),
    )
    register_csv(
        Publication,
        columns=CSV_COLUMNS,
        select_related=["series"],
        prefetch_related=["authorships__person", "categories", "tags"],
    )
    register_roles(
        "publications",
        written=[Publication],
        edited_inside=[Authorship],
        chosen=[Series, Category],
    )
    register_moves(
        Publication,
        public=Publication.is_public,
        gone=is_withdrawn,
        fields=("series", "slug", "status", "published_at"),
        select_related=("series",),
    )
    # Links in bodies to the publications: whether readers can open them.
    register_link_targets(
        ["publications:detail", "publications:item-pdf", "publications:cite"], links.public_items
    )
    register_link_targets(["publications:short-link", "publications:pdf"], links.public_codes)
    register_link_targets(["publications:series"], links.existing_series)
    register_moves(Series, public=lambda series: True, addresses=series_addresses, fields=("slug",))
