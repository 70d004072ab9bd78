"""Read queries of the staff directory, each a fixed number of SQL statements.

Results that depend on content only are kept for the current content generation.
"""

from django.db.models import Count, Prefetch, Q

from core.content_cache import memo

from .models import Membership, Person, StaffGroup

DIRECTORY_PREVIEW = 8


def public_memberships():
    return (
        Membership.objects.filter(person__in=Person.objects.active())
        .select_related("person")
        .order_by("order", "person__sort_name")
    )


def directory_groups():
    """Every group with its public head count and its first few people (two queries)."""
    return (
        StaffGroup.objects.annotate(
            public_count=Count("memberships", filter=Q(memberships__person__active=True))
        )
        .order_by("order", "name")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=public_memberships()[:DIRECTORY_PREVIEW],
                to_attr="preview",
            )
        )
    )


def group_memberships(group):
    """The memberships of ``group``'s public people, in the group's order."""
    return public_memberships().filter(group=group)


def profile(slug):
    """A person with their groups, centres and expertise, or None if not public."""
    return memo(f"staff:person:{slug}", lambda: _profile(slug))


def _profile(slug):
    # The centres come through their relation to people: staff does not import research.
    centres = Person._meta.get_field("centres").related_model.objects.order_by("kind", "order")
    return (
        Person.objects.public()
        .prefetch_related(
            "expertise",
            Prefetch("groups", queryset=StaffGroup.objects.order_by("order")),
            Prefetch("centres", queryset=centres),
        )
        .filter(slug=slug)
        .first()
    )
