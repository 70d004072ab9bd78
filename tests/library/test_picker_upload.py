"""Uploading an image from inside the editor's picture window: saved to the library with what
readers need, listed first ready to be chosen; anything else refused."""

import re

from django.contrib.auth.models import Permission
from reversion.models import Version

from library.models import Image

from ..factories import UserFactory, jpeg_bytes, logged_in
from .conftest import PICKER, pdf_bytes, upload
from .test_picker import choices

CALLBACK = {"CKEditorFuncNum": "-3"}


def upload_form(**overrides):
    data = {
        "file": upload("harbour-at-dawn.jpg", jpeg_bytes(640, 400), "image/jpeg"),
        "title": "Harbour at dawn",
        "alt_text": "Container cranes at Pasir Panjang at dawn",
        "credit": "Reuters",
        "licence": "Used with permission",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post(client, data, params="?CKEditorFuncNum=-3"):
    return client.post(f"{PICKER}{params}", data)


def errors(response):
    assert response.status_code == 200, "the upload was accepted"
    return response.context["upload_form"].errors


def test_the_picture_window_offers_an_upload_instead_of_another_tab(contributor_client):
    page = contributor_client.get(PICKER, CALLBACK).content.decode()

    assert "in another tab" not in page
    assert '<form method="post" enctype="multipart/form-data" action="?CKEditorFuncNum=-3"' in page
    for name in ("file", "title", "alt_text", "decorative", "credit", "licence"):
        assert f'name="{name}"' in page
    assert '<details class="library-picker__upload" open>' in page  # the library is empty


def test_an_uploaded_image_is_saved_and_listed_first_ready_to_choose(
    contributor_client, contributor
):
    response = post(contributor_client, upload_form())

    image = Image.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{PICKER}?CKEditorFuncNum=-3&uploaded={image.pk}"
    assert (image.title, image.alt, image.credit, image.licence) == (
        "Harbour at dawn",
        "Container cranes at Pasir Panjang at dawn",
        "Reuters",
        "Used with permission",
    )
    assert (image.width, image.height, image.uploaded_by) == (640, 400, contributor)
    assert Version.objects.get_for_object(image).count() == 1

    page = contributor_client.get(response["Location"])
    html = page.content.decode()
    assert "“Harbour at dawn” is now in the library. Choose it below" in html
    first = choices(page)[0]
    assert (first["data-id"], first["data-alt"], first["data-url"]) == (
        str(image.pk),
        "Container cranes at Pasir Panjang at dawn",
        image.body_address,
    )
    assert "autofocus" in first and "disabled" not in first
    assert len(choices(page)) == 1  # listed once


def test_a_title_left_empty_is_taken_from_the_file_name(contributor_client):
    response = post(contributor_client, upload_form(title=""))

    assert response.status_code == 302
    assert Image.objects.get().title == "harbour at dawn"


def test_a_decorative_image_needs_no_alt_text(contributor_client):
    response = post(contributor_client, upload_form(alt_text="", decorative="on"))

    assert response.status_code == 302
    assert Image.objects.get().alt == ""


def test_a_file_that_is_not_an_image_is_refused(contributor_client):
    response = post(
        contributor_client,
        upload_form(file=upload("harbour.jpg", pdf_bytes(), "image/jpeg")),
    )

    assert "not an image we can read" in " ".join(errors(response)["file"])
    assert not Image.objects.exists()
    html = response.content.decode()
    assert "The image was not added" in html
    assert '<details class="library-picker__upload" open>' in html
    assert 'value="Container cranes at Pasir Panjang at dawn"' in html  # what was typed is kept


def test_missing_or_meaningless_alt_text_is_refused(contributor_client):
    response = post(contributor_client, upload_form(alt_text=""))
    assert "Describe what the image shows" in " ".join(errors(response)["alt_text"])

    response = post(contributor_client, upload_form(alt_text="IMG_1234.jpg"))
    assert "looks like a file name" in " ".join(errors(response)["alt_text"])

    response = post(contributor_client, upload_form(file=None))
    assert errors(response)["file"]
    assert not Image.objects.exists()


def test_without_the_editor_the_upload_is_listed_but_cannot_be_inserted(contributor_client):
    response = post(contributor_client, upload_form(), params="")

    image = Image.objects.get()
    assert response["Location"] == f"{PICKER}?uploaded={image.pk}"
    page = contributor_client.get(response["Location"])
    assert "disabled" in choices(page)[0]
    assert "Choose it below" not in page.content.decode()


def test_only_those_who_may_add_images_may_upload(db, client):
    reader = UserFactory(is_staff=True, username="reader")
    reader.user_permissions.add(Permission.objects.get(codename="view_image"))
    reader_client = logged_in(reader)
    assert reader_client.get(PICKER).status_code == 200
    assert 'enctype="multipart/form-data"' not in reader_client.get(PICKER).content.decode()

    assert post(reader_client, upload_form()).status_code == 403
    nobody = logged_in(UserFactory(is_staff=True, username="no-role"))
    assert post(nobody, upload_form()).status_code == 403
    response = post(client, upload_form())
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not Image.objects.exists()


def test_a_bad_uploaded_number_is_ignored(contributor_client):
    for value in ("abc", "99999", "1" * 40, "-1"):
        response = contributor_client.get(PICKER, {**CALLBACK, "uploaded": value})
        assert response.status_code == 200
        assert not re.search(r"is now in the library", response.content.decode())
