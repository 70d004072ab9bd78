from django.db.models import Prefetch
from django.shortcuts import render

from navigation.views import page
from staff.models import Person

from .models import Centre


def centre(request, slug):
    """A centre or programme; other addresses under /research/ are content pages of the menu."""
    members = Person.objects.public().exclude(headed_centres__slug=slug)
    centre = (
        Centre.objects.with_people()
        .prefetch_related(Prefetch("members", queryset=members, to_attr="public_members"))
        .filter(slug=slug)
        .first()
    )
    if centre is None:
        return page(request, path=f"research/{slug}")
    head = centre.head if centre.head and centre.head.active else None
    return render(
        request,
        "research/centre.html",
        {"centre": centre, "head": head, "members": centre.public_members},
    )
