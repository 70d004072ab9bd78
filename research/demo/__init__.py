"""Demo research centres and programmes of the reference site, with invented staffing.

``centres.json`` lists them in their order, each with the menu page that describes it, its
head and members by staff slug. ``centres_load_demo()`` creates the missing ones only.
"""

from django.db import transaction

from core.demodata import demo_json
from research.models import Centre
from staff.models import Person


@transaction.atomic
def centres_load_demo(*, pages):
    """Create the demo centres that do not exist yet, described by the menu's demo ``pages``
    (a menu path to its summary and body). Returns the number created."""
    created = 0
    for order, spec in enumerate(demo_json(__name__, "centres.json")):
        if Centre.objects.filter(slug=spec["slug"]).exists():
            continue
        page = pages.get(spec["page"], {})
        head = spec["head"]
        centre = Centre.objects.create(
            name=spec["name"],
            acronym=spec["acronym"],
            slug=spec["slug"],
            kind=spec["kind"],
            order=order,
            summary=page.get("summary", spec["name"]),
            description=page.get("body", ""),
            head=Person.objects.filter(slug=head).first() if head else None,
        )
        centre.members.set(Person.objects.filter(slug__in=spec["members"]))
        created += 1
    return created
