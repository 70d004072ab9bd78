"""Uploaded and generated files in an S3-compatible bucket (MEDIA_STORAGE_URL), against a real
S3 API (moto's server): stored with the headers that make the bucket serve them safely, and
linked at the bucket's address."""

import re
import urllib.request

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage

from library.models import Document, Image
from publications.models import GeneratedPDF
from rsis_site.settings.media import media_origins, media_storage
from staff.models import Person

from ..factories import PublicationFactory, jpeg_bytes
from ..library.conftest import DOCUMENTS, IMAGES, document_form, image_form, upload
from ..objectstore import S3Server
from ..staff.test_admin import person_form

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def s3():
    with S3Server() as server:
        yield server


@pytest.fixture(autouse=True)
def _media_in_the_bucket(s3, settings):
    settings.STORAGES = {**settings.STORAGES, "default": s3.storage}


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the test's server
        return response.status, response.headers, response.read()


def test_a_photo_uploaded_in_the_admin_is_in_the_bucket_with_its_renditions(staff_client, s3):
    photo = upload("ada.jpg", jpeg_bytes(600, 600), "image/jpeg")

    response = staff_client.post("/admin/staff/person/add/", person_form(photo=photo))

    assert response.status_code == 302
    person = Person.objects.get()
    stored = s3.head(person.photo.name)
    assert stored["ContentType"] == "image/jpeg"
    assert "ContentDisposition" not in stored  # a picture is shown inline
    assert stored["CacheControl"].startswith("public, max-age=")
    rendition = person.photo_400_jpeg.name
    assert s3.head(rendition)["ContentType"] == "image/jpeg"  # made when the photo was saved
    page = staff_client.get(person.get_absolute_url()).content.decode()
    assert f'src="{s3.object_url(rendition)}"' in page
    status, headers, body = fetch(s3.object_url(rendition))
    assert (status, headers["Content-Type"], body[:2]) == (200, "image/jpeg", b"\xff\xd8")


def test_a_library_document_is_stored_as_a_download_and_linked_at_the_bucket(staff_client, s3):
    response = staff_client.post(f"{DOCUMENTS}add/", document_form())

    assert response.status_code == 302
    document = Document.objects.get()
    stored = s3.head(document.file.name)
    assert stored["ContentType"] == "application/pdf"
    assert stored["ContentDisposition"] == 'attachment; filename="annual-report.pdf"'
    assert s3.body(document.file.name).startswith(b"%PDF")
    change_page = staff_client.get(f"{DOCUMENTS}{document.pk}/change/").content.decode()
    assert s3.object_url(document.file.name) in change_page
    assert document.get_absolute_url() == f"/media-files/{document.file.name}"


def test_a_text_file_is_a_download_from_the_bucket_whatever_the_browser_said(staff_client, s3):
    form = document_form(file=upload("figures.csv", b"Year,Visitors\n2024,1450\n", "text/html"))

    assert staff_client.post(f"{DOCUMENTS}add/", form).status_code == 302

    name = Document.objects.get().file.name
    _, headers, _ = fetch(s3.object_url(name))
    assert headers["Content-Type"] == "text/csv"  # what was checked, not what was said
    assert headers["Content-Disposition"] == 'attachment; filename="figures.csv"'


def test_a_library_picture_in_a_body_is_served_by_the_site_from_the_bucket(staff_client, client):
    assert staff_client.post(f"{IMAGES}add/", image_form()).status_code == 302

    image = Image.objects.get()
    assert image.body_address.startswith(
        "/media-files/CACHE/images/library/"
    )  # no bucket host in bodies
    client.logout()
    response = client.get(image.body_address)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_a_generated_pdf_is_kept_in_the_bucket(site_facts, visitor, s3):
    publication = PublicationFactory(code="CO21113", series__code_prefix="CO")

    response = visitor.get("/p/CO21113.pdf")

    assert response.status_code == 200
    served = b"".join(response.streaming_content)
    record = GeneratedPDF.objects.get(publication=publication)
    assert record.file.name.startswith("publications/generated/CO21113-")
    assert s3.body(record.file.name) == served
    assert s3.head(record.file.name)["ContentType"] == "application/pdf"
    assert default_storage.exists(record.file.name)


def test_the_storage_url_names_bucket_place_credentials_and_cdn():
    storage = media_storage(
        {
            "MEDIA_STORAGE_URL": "s3://AKIA%2FX:se%2Bcret@media-bucket/site/files?"
            "endpoint=https://s3.example.org&region=ap-southeast-1"
            "&custom_domain=media.example.org&acl=public-read"
        }
    )

    assert storage == {
        "BACKEND": "core.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": "media-bucket",
            "location": "site/files",
            "querystring_auth": False,
            "file_overwrite": False,
            "endpoint_url": "https://s3.example.org",
            "region_name": "ap-southeast-1",
            "custom_domain": "media.example.org",
            "default_acl": "public-read",
            "access_key": "AKIA/X",
            "secret_key": "se+cret",
        },
    }
    assert media_origins(storage) == ["https://media.example.org"]
    assert media_storage({})["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_with_a_cdn_domain_pages_link_files_there(settings, s3, staff_client):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage(
            {"MEDIA_STORAGE_URL": f"{s3.url}&custom_domain=media.example.org"}
        ),
    }
    photo = upload("ada.jpg", jpeg_bytes(600, 600), "image/jpeg")
    assert (
        staff_client.post("/admin/staff/person/add/", person_form(photo=photo)).status_code == 302
    )

    person = Person.objects.get()
    page = staff_client.get(person.get_absolute_url()).content.decode()
    assert f'src="https://media.example.org/{person.photo_400_jpeg.name}"' in page
    assert re.search(r"srcset=\"https://media\.example\.org/\S+ 1x", page)


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("https://bucket.example.org/", "must look like s3://"),
        ("s3://key:secret@bucket?endpont=http://x", "unknown options: endpont"),
    ],
)
def test_a_wrong_storage_url_stops_the_site_with_a_reason(address, says):
    with pytest.raises(ImproperlyConfigured, match=says):
        media_storage({"MEDIA_STORAGE_URL": address})
