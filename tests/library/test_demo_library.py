"""A fresh demo has pictures in the media library, each with what readers need."""

from django.core.management import call_command

from library.models import Image

from .conftest import PICKER
from .test_picker import choices


def test_the_demo_library_is_not_empty(demo_content, contributor_client):
    images = list(Image.objects.order_by("title"))

    assert [image.title for image in images] == [
        "Feature picture: Russia and Southeast Asia: What Lavrov’s July Visits Mean",
        "Illustrative bar chart, 2020 to 2024",
        "Network of connections (drawing)",
        "Red and grey stripes (decorative band)",
        "Sea lanes between islands (drawing)",
    ]
    for image in images:
        assert image.decorative or len(image.alt_text) > 40, image
        assert image.credit and image.licence, image
        image.full_clean()
    feature = images[0]
    assert feature.alt.startswith("A map of Southeast Asia drawn in dots")
    assert feature.credit_line == (
        "Source: Sergey Lavrov & Saleumxay Kommasith, МИД России, flickr, CC BY-NC-SA 2.0"
    )

    found = choices(contributor_client.get(PICKER, {"CKEditorFuncNum": "1"}))
    assert len(found) == 5
    assert {choice["data-alt"] for choice in found} >= {images[1].alt_text, ""}


def test_loading_the_demo_again_adds_no_picture(demo_content):
    before = list(Image.objects.values_list("pk", "file"))

    call_command("load_demo", "--no-admin", "--no-photos", verbosity=0)

    assert list(Image.objects.values_list("pk", "file")) == before
