"""Demo staff: the reference site's groups and a dozen people (all but one invented).

``groups.json`` lists the groups in their order, each naming the menu page that describes it;
``people.json`` lists the people with their groups and areas of expertise; a profile was last
updated on ``PROFILES_UPDATED``, when the demo's profiles were last reviewed.
``staff_load_demo()`` creates whatever does not exist yet and never overwrites edits.
"""

import io
import random

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw

from core.demodata import demo_dated, demo_json, demo_moment
from staff.models import Membership, Person, StaffGroup

PROFILES_UPDATED = "2025-06-02"

PALETTE = ["#8a1538", "#1f4e79", "#2e6b4f", "#7a4f1d", "#4b3f72", "#1d6f7a", "#6b2d5c"]


@transaction.atomic
def staff_load_demo(*, pages, photo_maker):
    """Create the demo groups and people that do not exist yet; never overwrite edits.

    ``pages`` maps a menu path to its demo page (a group is described by its page's summary);
    ``photo_maker(slug)``, if given, returns the image content for a new person's photo.
    Returns the number of people created.
    """
    by_slug = {}
    for order, spec in enumerate(demo_json(__name__, "groups.json")):
        description = pages.get(spec["page"], {}).get("summary", "")
        group, _ = StaffGroup.objects.get_or_create(
            slug=spec["slug"],
            defaults={"name": spec["name"], "order": order, "description": description},
        )
        by_slug[spec["slug"]] = group
    created = 0
    for spec in demo_json(__name__, "people.json"):
        if Person.objects.filter(slug=spec["slug"]).exists():
            continue
        person = Person(
            honorific=spec["honorific"],
            name=spec["name"],
            sort_name=spec["sort_name"],
            slug=spec["slug"],
            position=spec["position"],
            short_bio=spec["bio"],
            full_bio=f"<p>{spec['bio']}</p>",
            active=spec["active"],
        )
        if photo_maker:
            person.photo.save(f"{spec['slug']}.jpg", photo_maker(spec["slug"]), save=False)
        person.save()
        person.expertise.set(spec["expertise"])
        for group_slug in spec["groups"]:
            Membership.objects.create(person=person, group=by_slug[group_slug])
        demo_dated(Person, person.pk, demo_moment(PROFILES_UPDATED))
        created += 1
    return created


def placeholder_photo(seed):
    """A generated 800×1000 portrait silhouette (JPEG bytes) so demo profiles show a photo."""
    rng = random.Random(seed)
    background = PALETTE[rng.randrange(len(PALETTE))]
    image = Image.new("RGB", (800, 1000), background)
    draw = ImageDraw.Draw(image)
    shade = (255, 255, 255, 70)
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    shapes = ImageDraw.Draw(overlay)
    shapes.ellipse((250, 220, 550, 540), fill=shade)
    shapes.rounded_rectangle((130, 600, 670, 1100), radius=220, fill=shade)
    image.paste(overlay, mask=overlay)
    draw.rectangle((0, 0, 800, 24), fill="#ffffff")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return ContentFile(buffer.getvalue())
