"""Writes to the staff directory."""

from django.db import transaction

from .models import Membership, Person, StaffGroup


@transaction.atomic
def staff_load_demo(*, groups, people, descriptions, photo_maker):
    """Create the demo groups and people that do not exist yet; never overwrite edits.

    ``descriptions`` maps a group slug to its description; ``photo_maker(slug)``, if given,
    returns the image content for a new person's photo.
    """
    by_slug = {}
    for order, (name, slug) in enumerate(groups):
        group, _ = StaffGroup.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "order": order, "description": descriptions.get(slug, "")},
        )
        by_slug[slug] = group
    created = 0
    for honorific, name, sort_name, slug, position, group_slugs, expertise, bio, active in people:
        if Person.objects.filter(slug=slug).exists():
            continue
        person = Person(
            honorific=honorific,
            name=name,
            sort_name=sort_name,
            slug=slug,
            position=position,
            short_bio=bio,
            full_bio=f"<p>{bio}</p>",
            active=active,
        )
        if photo_maker:
            person.photo.save(f"{slug}.jpg", photo_maker(slug), save=False)
        person.save()
        person.expertise.set(expertise)
        for group_slug in group_slugs:
            Membership.objects.create(person=person, group=by_slug[group_slug])
        created += 1
    return created
