"""Demo media items: the seed's article as a media highlight, plus a few invented items.

``media.json`` holds them. The seed article's headline is kept as its original title; every
summary and text is written for this project. Invented coverage names invented outlets and
carries no link, so nothing is attributed to a real publication and no link leads nowhere.
People are staff slugs.
"""

import datetime

from django.db import transaction

from core.demodata import demo_dated, demo_json, demo_moment
from newsroom.models import MediaItem
from staff.models import Person


def newsroom_load_demo():
    """Create the demo media items that do not exist yet; never change existing ones.

    An item is created and last updated on its own date. Returns the number of items created.
    """
    people = {person.slug: person for person in Person.objects.all()}
    created = 0
    with transaction.atomic():
        for spec in demo_json(__name__, "media.json"):
            slugs = spec.pop("people")
            if MediaItem.objects.filter(kind=spec["kind"], slug=spec["slug"]).exists():
                continue
            spec["date"] = datetime.date.fromisoformat(spec["date"])
            item = MediaItem(status=MediaItem.Status.PUBLISHED, **spec)
            item.full_clean()
            item.save()
            item.people.set([people[slug] for slug in slugs if slug in people])
            demo_dated(
                MediaItem, item.pk, demo_moment(item.date), fields=("created_at", "updated_at")
            )
            created += 1
    return created
