"""Demo pictures for the media library: a few drawings made for this project
(``images.json`` and ``images/``), and whatever pictures other apps' demos bring (the
publications' feature pictures), each with its alt text, credit and licence, so that the
editor's picture window has something to choose from on a fresh demo.

``library_load_demo(pictures=())`` adds each picture whose title is not in the library yet and
leaves everything else as editors made it.
"""

from importlib.resources import files

from django.core.files.base import ContentFile
from django.db import transaction

from core.demodata import demo_json

from ..models import Image


def demo_pictures():
    """The library's own demo pictures, as ``library_load_demo`` takes them."""
    pictures = []
    for spec in demo_json(__name__, "images.json"):
        spec = dict(spec)
        picture = files(__name__).joinpath(spec.pop("file"))
        pictures.append({**spec, "name": picture.name, "content": picture.read_bytes()})
    return pictures


@transaction.atomic
def library_load_demo(pictures=()):
    """Put the demo pictures, and ``pictures`` (dicts of ``title``, ``name``, ``content``,
    ``alt_text``, ``credit``, ``licence``, ``decorative``), in the library unless an image
    with the same title is there. Returns the number added."""
    added = 0
    for spec in [*demo_pictures(), *pictures]:
        if Image.objects.filter(title=spec["title"]).exists():
            continue
        image = Image(
            title=spec["title"],
            alt_text=spec.get("alt_text", ""),
            decorative=spec.get("decorative", False),
            credit=spec.get("credit", ""),
            licence=spec.get("licence", ""),
        )
        image.file = ContentFile(spec["content"], name=spec["name"])
        image.full_clean()
        image.save()
        added += 1
    return added
