"""Images in the media library: uploads through the admin, refusals, alt text and search."""

import io

import pytest
from django.conf import settings
from PIL import Image as PillowImage

from library.models import BODY_WIDTH, Image

from ..factories import jpeg_bytes
from .conftest import IMAGES, image_form, pdf_bytes, png_bytes, saved_image, upload

ADD = f"{IMAGES}add/"


def gif_bytes():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (100, 100), (1, 2, 3)).save(buffer, format="GIF")
    return buffer.getvalue()


def form_errors(response):
    return response.context["adminform"].form.errors


def test_upload_of_a_real_image_is_saved_with_its_details(staff_client):
    response = staff_client.post(ADD, image_form())

    assert response.status_code == 302, form_errors(response)
    image = Image.objects.get()
    assert image.title == "Harbour at dawn"
    assert image.alt == "Container cranes at Pasir Panjang at dawn"
    assert (image.credit, image.licence) == ("Reuters", "Used with permission")
    assert (image.width, image.height) == (640, 400)
    assert image.uploaded_by.is_superuser
    assert image.file.name.startswith("library/images/")
    assert image.file.name.endswith("/harbour.jpg")
    assert image.body_address.startswith(settings.MEDIA_URL)
    assert image.credit_line == "Reuters, Used with permission"


def test_body_rendition_keeps_png_and_is_never_wider_than_the_text(staff_client):
    wide = io.BytesIO()
    PillowImage.new("RGB", (3000, 1000), (10, 20, 30)).save(wide, format="PNG")
    staff_client.post(ADD, image_form(file=upload("chart.png", wide.getvalue())))
    small = staff_client.post(ADD, image_form(file=upload("logo.png", png_bytes(200, 120))))
    assert small.status_code == 302

    chart, logo = Image.objects.get(width=3000), Image.objects.get(width=200)
    with chart.body_size.file as f:
        assert PillowImage.open(f).size == (BODY_WIDTH, round(1000 * BODY_WIDTH / 3000))
    with logo.body_size.file as f:
        rendition = PillowImage.open(f)
        assert (rendition.format, rendition.size, rendition.mode) == ("PNG", (200, 120), "RGBA")
    assert logo.body_address.endswith(".png")


def test_contributor_may_upload_an_image(contributor_client, contributor):
    response = contributor_client.post(ADD, image_form())

    assert response.status_code == 302
    assert Image.objects.get().uploaded_by == contributor


def test_contributor_cannot_delete_an_image(contributor_client):
    image = saved_image()

    response = contributor_client.post(f"{IMAGES}{image.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert Image.objects.filter(pk=image.pk).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.jpg", b"\xff\xd8\xff\xe0 this is not really a JPEG", "not an image we can read"),
        ("photo.jpg", pdf_bytes(), "not an image we can read"),
        ("photo.gif", gif_bytes(), "Upload a JPEG, PNG or WebP image."),
        ("tiny.jpg", jpeg_bytes(20, 20), "each side needs at least 64"),
        ("huge.jpg", b"\xff\xd8\xff" + b"\x00" * (8 * 1024 * 1024), "may be at most 8.0"),
    ],
    ids=["broken-jpeg", "pdf-named-jpg", "gif", "too-small", "oversize"],
)
def test_refused_image_gets_a_form_error_and_nothing_is_saved(staff_client, name, content, message):
    response = staff_client.post(ADD, image_form(file=upload(name, content)))

    assert response.status_code == 200
    assert message in " ".join(form_errors(response)["file"])
    assert not Image.objects.exists()


def test_image_is_judged_by_its_content_not_its_name(staff_client):
    response = staff_client.post(ADD, image_form(file=upload("photo.pdf", jpeg_bytes())))

    assert response.status_code == 302
    assert Image.objects.get().file.name.endswith("/photo.jpg")


def test_alt_text_is_required_unless_the_image_is_decorative(staff_client):
    missing = staff_client.post(ADD, image_form(alt_text="   "))

    assert missing.status_code == 200
    assert form_errors(missing)["alt_text"] == [
        "Describe what the image shows, or tick “decorative” if it adds nothing to the text."
    ]
    assert not Image.objects.exists()

    decorative = staff_client.post(ADD, image_form(alt_text="", decorative="on"))

    assert decorative.status_code == 302
    image = Image.objects.get()
    assert image.decorative is True
    assert image.alt == ""


def test_decorative_image_never_gives_its_alt_text(staff_client):
    staff_client.post(ADD, image_form(alt_text="Leftover words", decorative="on"))

    assert Image.objects.get().alt == ""


def test_file_name_is_not_accepted_as_alt_text(staff_client):
    response = staff_client.post(ADD, image_form(alt_text="IMG_2041.JPG"))

    assert response.status_code == 200
    assert "looks like a file name" in form_errors(response)["alt_text"][0]
    assert not Image.objects.exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("harbour", ["Harbour at dawn"]),  # title
        ("cranes", ["Harbour at dawn"]),  # alternative text
        ("straits times", ["Minister at the podium"]),  # credit
        ("cc by", ["Minister at the podium"]),  # licence
        ("podium-photo", ["Minister at the podium"]),  # file name
        ("nothing-like-this", []),
    ],
)
def test_admin_search_finds_images_by_title_alt_credit_licence_and_file_name(
    staff_client, query, expected
):
    saved_image()
    saved_image(
        file_name="podium-photo.jpg",
        title="Minister at the podium",
        alt_text="A minister speaking",
        credit="The Straits Times",
        licence="CC BY 4.0",
    )

    response = staff_client.get(IMAGES, {"q": query})

    assert response.status_code == 200
    assert [image.title for image in response.context["cl"].result_list] == expected


@pytest.mark.parametrize("query", ["a\x00b", "x" * 5000, " ".join(["word"] * 2500)])
def test_admin_search_with_bad_input_is_not_an_error(staff_client, query):
    saved_image()

    response = staff_client.get(IMAGES, {"q": query})

    assert response.status_code == 200


def test_image_list_shows_thumbnails_and_filters(staff_client):
    image = saved_image()
    saved_image(title="Ornament", alt_text="", decorative=True, credit="", licence="")

    response = staff_client.get(IMAGES)
    page = response.content.decode()

    assert f'<img src="{image.thumbnail.url}"' in page
    assert "(decorative)" in page
    missing = staff_client.get(IMAGES, {"credit": "missing"})
    assert [i.title for i in missing.context["cl"].result_list] == ["Ornament"]
    decorative = staff_client.get(IMAGES, {"decorative__exact": "1"})
    assert [i.title for i in decorative.context["cl"].result_list] == ["Ornament"]


def test_change_page_shows_the_address_to_use(staff_client):
    image = saved_image()

    response = staff_client.get(f"{IMAGES}{image.pk}/change/")

    assert response.status_code == 200
    page = response.content.decode()
    assert f"<code>{image.body_address}</code>" in page
    assert "640 × 400 pixels" in page
