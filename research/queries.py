"""Read queries of the research pages, kept for the current content generation."""

from django.db.models import Prefetch

from core.content_cache import memo
from staff.models import Person

from .models import Centre


def centre_page(slug):
    """The centre with its head and its current members other than the head, or None."""
    return memo(f"research:centre:{slug}", lambda: _centre_page(slug))


def _centre_page(slug):
    members = Person.objects.active().exclude(headed_centres__slug=slug)
    return (
        Centre.objects.with_people()
        .prefetch_related(Prefetch("members", queryset=members, to_attr="public_members"))
        .filter(slug=slug)
        .first()
    )
