import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from staff.models import Membership, Person
from tests.factories import CentreFactory, PersonFactory, StaffGroupFactory, jpeg_bytes

pytestmark = pytest.mark.django_db


def person_form(**overrides):
    data = {
        "honorific": "",
        "name": "New Person",
        "sort_name": "Person, New",
        "slug": "new-person",
        "position": "Research Fellow",
        "active": "on",
        "short_bio": "A new colleague.",
        "full_bio": "<p>Hello</p>",
        "expertise": "Cyber security, ASEAN",
        "email": "",
        "website": "",
        "linkedin": "",
        "orcid": "",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def png_header_only(width, height):
    """A PNG whose header claims ``width``×``height`` pixels, with almost no data."""

    def chunk(kind, payload):
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def noisy_jpeg(size=(400, 400)):
    buffer = io.BytesIO()
    Image.effect_noise(size, 64).convert("RGB").save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


BAD_UPLOADS = {
    "text named .jpg": (
        SimpleUploadedFile("photo.jpg", b"this is not an image at all", "image/jpeg"),
        "not an image we can read",
    ),
    "truncated jpeg": (
        SimpleUploadedFile("photo.jpg", noisy_jpeg()[:6000], "image/jpeg"),
        "not an image we can read",
    ),
    "20000x20000 png": (
        SimpleUploadedFile("huge.png", png_header_only(20000, 20000), "image/png"),
        "too many pixels",
    ),
    "oversize file": (
        SimpleUploadedFile("big.jpg", b"\xff\xd8\xff" + b"\0" * (9 * 1024 * 1024), "image/jpeg"),
        "images may be at most 8.0\xa0MB",
    ),
    "gif": (
        SimpleUploadedFile("anim.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/gif"),
        "not an image we can read",
    ),
}


@pytest.mark.parametrize("case", BAD_UPLOADS)
def test_bad_photo_uploads_are_form_errors_and_nothing_is_saved(staff_client, case):
    upload, message = BAD_UPLOADS[case]

    response = staff_client.post("/admin/staff/person/add/", person_form(photo=upload))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Person.objects.exists()


def test_photo_is_saved_upright_and_without_metadata(staff_client):
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "TestCam"  # camera make
    upload = SimpleUploadedFile("me.jpg", jpeg_bytes(300, 200, exif=exif.tobytes()), "image/jpeg")

    response = staff_client.post("/admin/staff/person/add/", person_form(photo=upload))

    assert response.status_code == 302
    person = Person.objects.get()
    with person.photo.open() as stored, Image.open(stored) as image:
        assert image.size == (200, 300)
        assert dict(image.getexif()) == {}
    assert sorted(person.expertise.names()) == ["ASEAN", "Cyber security"]


def test_admin_changelist_shows_thumbnails_groups_and_filters(staff_client):
    group = StaffGroupFactory(name="Visiting Fellows")
    person = PersonFactory(name="Ada Lovelace")
    Membership.objects.create(group=group, person=person)
    person.photo.save("ada.jpg", SimpleUploadedFile("ada.jpg", jpeg_bytes()), save=True)

    html = staff_client.get("/admin/staff/person/", {"groups__id__exact": group.pk}).content
    html = html.decode()

    assert "Ada Lovelace" in html
    assert "Visiting Fellows" in html
    assert '<img src="' in html and 'width="48" height="48"' in html
    assert staff_client.get("/admin/staff/person/", {"q": "lovelace"}).status_code == 200


def test_people_are_picked_by_autocomplete_in_centres(staff_client):
    PersonFactory(name="Chris Cheang")
    PersonFactory(name="Someone Else")

    response = staff_client.get(
        "/admin/autocomplete/",
        {"app_label": "research", "model_name": "centre", "field_name": "head", "term": "chea"},
    )

    assert [r["text"] for r in response.json()["results"]] == ["Chris Cheang"]


def test_group_admin_orders_members(staff_client):
    group = StaffGroupFactory(name="Management", slug="management")
    first, second = PersonFactory(name="First"), PersonFactory(name="Second")
    one = Membership.objects.create(group=group, person=first, order=0)
    two = Membership.objects.create(group=group, person=second, order=1)

    response = staff_client.post(
        f"/admin/staff/staffgroup/{group.pk}/change/",
        {
            "name": "Management", "slug": "management", "description": "", "order": 0,
            "memberships-TOTAL_FORMS": "2", "memberships-INITIAL_FORMS": "2",
            "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-id": one.pk, "memberships-0-group": group.pk,
            "memberships-0-person": first.pk, "memberships-0-order": 5,
            "memberships-1-id": two.pk, "memberships-1-group": group.pk,
            "memberships-1-person": second.pk, "memberships-1-order": 1,
        },
    )  # fmt: skip

    assert response.status_code == 302
    assert [m.person.name for m in group.memberships.order_by("order")] == ["Second", "First"]


def test_group_slug_people_is_reserved(staff_client):
    response = staff_client.post(
        "/admin/staff/staffgroup/add/",
        {"name": "People", "slug": "people", "description": "", "order": 0,
         "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0",
         "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000"},
    )  # fmt: skip

    assert "This address belongs to another part of the site" in response.content.decode()


def test_centre_admin_lists_centres(staff_client):
    CentreFactory(name="Centre of Excellence for National Security", acronym="CENS")

    html = staff_client.get("/admin/research/centre/").content.decode()

    assert "Centre of Excellence for National Security" in html
