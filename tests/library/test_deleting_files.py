"""Deleting a library image or document removes its file, and an image's renditions, from the
storage once the deletion is committed."""

import pytest
from django.core.files.storage import default_storage
from django.db import transaction
from reversion.models import Version

from library.cleanup import stored_files
from library.models import Document, Image

from .conftest import DOCUMENTS, IMAGES, pdf_bytes, saved_image, upload


def in_storage(names):
    return [name for name in names if default_storage.exists(name)]


@pytest.fixture
def image(db):
    # A name of its own: the files other tests expect are not taken.
    return saved_image(file_name="to-delete.jpg")


def test_deleting_an_image_removes_its_file_and_renditions(
    editor_client, image, django_capture_on_commit_callbacks
):
    files = stored_files(image)
    assert len(files) == 3 and in_storage(files) == files  # the original and two sizes
    assert files[1].startswith("CACHE/") and files[2].startswith("CACHE/")

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"{IMAGES}{image.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Image.objects.exists()
    assert in_storage(files) == []


def test_deleting_images_from_the_list_removes_all_their_files(
    editor_client, db, django_capture_on_commit_callbacks
):
    images = [saved_image(title=f"Picture {n}", file_name=f"to-delete-{n}.jpg") for n in range(3)]
    kept = saved_image(title="Kept", file_name="to-keep.jpg")
    files = [name for image in images for name in stored_files(image)]

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            IMAGES,
            {
                "action": "delete_selected",
                "_selected_action": [str(image.pk) for image in images],
                "post": "yes",
            },
        )

    assert response.status_code == 302
    assert in_storage(files) == []
    assert in_storage(stored_files(kept)) == stored_files(kept)


def test_deleting_a_document_removes_its_file(
    editor_client, db, django_capture_on_commit_callbacks
):
    document = Document.objects.create(title="Report", file=upload("to-delete.pdf", pdf_bytes()))
    name = document.file.name
    assert default_storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"{DOCUMENTS}{document.pk}/delete/", {"post": "yes"})

    assert not default_storage.exists(name)


def test_a_deletion_rolled_back_leaves_the_files(image, django_capture_on_commit_callbacks):
    files = stored_files(image)

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        Image.objects.filter(pk=image.pk).first().delete()
        raise RuntimeError("undone")

    assert callbacks == []
    assert Image.objects.filter(pk=image.pk).exists()
    assert in_storage(files) == files


def test_the_files_stay_until_the_deletion_is_committed(
    editor_client, image, django_capture_on_commit_callbacks
):
    files = stored_files(image)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        editor_client.post(f"{IMAGES}{image.pk}/delete/", {"post": "yes"})
        assert in_storage(files) == files

    assert len(callbacks) >= 1
    for callback in callbacks:
        callback()
    assert in_storage(files) == []


def test_a_deleted_image_whose_file_is_gone_is_not_recovered(
    editor_client, image, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"{IMAGES}{image.pk}/delete/", {"post": "yes"})
    deleted = Version.objects.get_deleted(Image).get()

    response = editor_client.get(f"{IMAGES}recover/{deleted.pk}/", follow=True)

    assert not Image.objects.exists()
    said = " ".join(str(message) for message in response.context["messages"])
    assert "was removed from the library when the image was deleted" in said
