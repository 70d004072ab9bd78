"""The editor's image picker: who may open it, what it lists, and the picture in a body."""

import json
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.models import Document
from publications.models import Publication
from tests.factories import SeriesFactory, UserFactory
from tests.publications.test_admin import publication_form

from .conftest import PICKER, pdf_bytes, saved_image, upload


class Elements(HTMLParser):
    """The attributes of every element of a page, in order."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def all(self, tag, **attrs):
        return [
            found
            for name, found in self.found
            if name == tag and all(found.get(k) == v for k, v in attrs.items())
        ]


def choices(response):
    return Elements(response.content.decode()).all("button", **{"class": "library-picker__choice"})


def test_anonymous_visitor_is_sent_to_the_login_page(anonymous, db):
    response = anonymous.get(PICKER)

    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={PICKER}"


def test_signed_in_non_staff_user_is_sent_to_the_login_page(anonymous, db):
    anonymous.force_login(UserFactory(is_staff=False))

    response = anonymous.get(PICKER)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_without_library_permission_is_refused(staff_without_roles_client):
    assert staff_without_roles_client.get(PICKER).status_code == 403


def test_contributor_sees_library_images_with_what_the_editor_needs(contributor_client):
    image = saved_image()
    saved_image(title="Ornament", alt_text="", decorative=True, credit="", licence="")
    Document.objects.create(title="Annual report", file=upload("report.pdf", pdf_bytes()))

    response = contributor_client.get(PICKER, {"CKEditorFuncNum": "-3"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Annual report" not in page
    found = choices(response)
    assert [(c["data-alt"], c["data-caption"]) for c in found] == [
        ("", ""),
        ("Container cranes at dawn", "Reuters, Used with permission"),
    ]
    assert found[1]["data-url"] == image.body_address
    assert found[1]["data-url"].startswith(settings.MEDIA_URL)
    assert found[1]["data-id"] == str(image.pk)
    assert "disabled" not in found[1]
    assert Elements(page).all("ul", **{"data-callback": "-3"})


def test_picker_search_finds_by_title_alt_and_credit(contributor_client):
    saved_image()
    saved_image(
        file_name="minister.jpg",
        title="Minister",
        alt_text="A minister at the podium",
        credit="MCI",
    )

    titles = {
        query: [c["data-alt"] for c in choices(contributor_client.get(PICKER, {"q": query}))]
        for query in ["harbour", "podium", "mci", "nothing-like-this"]
    }

    assert titles == {
        "harbour": ["Container cranes at dawn"],
        "podium": ["A minister at the podium"],
        "mci": ["A minister at the podium"],
        "nothing-like-this": [],
    }


def test_picker_opened_without_the_editor_lists_but_cannot_insert(contributor_client):
    saved_image()

    response = contributor_client.get(PICKER)

    assert ["disabled" in c for c in choices(response)] == [True]
    assert "Open this list from the editor" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": "har\x00bour"}, 404),
        ({"q": "x" * 5000}, 404),
        ({"page": "2"}, 404),
        ({"page": "abc"}, 404),
        ({"page": "9" * 5000}, 404),
        ({"CKEditorFuncNum": '"><script>alert(1)</script>'}, 200),
        ({"CKEditorFuncNum": "1\x00"}, 200),
        ({"q": "   "}, 200),
    ],
)
def test_picker_handles_bad_parameters_without_an_error(contributor_client, params, status):
    saved_image()

    response = contributor_client.get(PICKER, params)

    assert response.status_code == status
    assert "<script>alert(1)" not in response.content.decode()
    if status == 200:
        assert ["disabled" in c for c in choices(response)] == [True]


def test_editor_offers_the_picture_button_with_the_library_picker(staff_client):
    response = staff_client.get("/admin/publications/publication/add/")

    (body,) = Elements(response.content.decode()).all("textarea", name="body")
    config = json.loads(body["data-django-prose-editor-configurable"])
    assert config["extensions"]["Figure"] == {"pickerUrl": PICKER}
    assert {"Image", "Caption", "Link", "Table"} <= config["extensions"].keys()


def test_image_inserted_in_a_body_survives_the_sanitiser(staff_client):
    image = saved_image()
    series = SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")
    figure = (
        f'<figure class="figure"><img src="{image.body_address}" alt="{image.alt}" '
        f'data-file="{image.pk}"><figcaption class="figure-caption">Reuters</figcaption>'
        "</figure>"
    )

    response = staff_client.post(
        "/admin/publications/publication/add/",
        publication_form(series, body=f"<p>Ports matter.</p>{figure}"),
    )

    assert response.status_code == 302
    assert Publication.objects.get().body == (
        f'<p>Ports matter.</p><figure><img src="{image.body_address}" '
        f'alt="Container cranes at dawn" data-file="{image.pk}">'
        "<figcaption>Reuters</figcaption></figure>"
    )


def test_picker_queries_do_not_grow_with_the_library(contributor_client):
    def queries():
        contributor_client.get(PICKER)
        with CaptureQueriesContext(connection) as captured:
            assert contributor_client.get(PICKER).status_code == 200
        return len(captured)

    saved_image(file_name="first-photo.jpg")
    few = queries()
    for number in range(6):
        saved_image(file_name=f"photo-{number}.jpg", title=f"Photo {number}")
    assert queries() == few <= 10
