"""Writes to the research centres."""

from django.db import transaction

from staff.models import Person

from .models import Centre


@transaction.atomic
def centres_load_demo(*, centres, pages):
    """Create the demo centres that do not exist yet, described by the menu's demo ``pages``."""
    created = 0
    for order, (name, acronym, slug, kind, page_path, head, members) in enumerate(centres):
        if Centre.objects.filter(slug=slug).exists():
            continue
        page = pages.get(page_path, {})
        centre = Centre.objects.create(
            name=name,
            acronym=acronym,
            slug=slug,
            kind=kind,
            order=order,
            summary=page.get("summary", name),
            description=page.get("body", ""),
            head=Person.objects.filter(slug=head).first() if head else None,
        )
        centre.members.set(Person.objects.filter(slug__in=members))
        created += 1
    return created
