"""Uploaded files are served with DEBUG off, with headers that keep them from acting as pages."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.http import http_date

from tests.factories import jpeg_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def files():
    names = {}
    for name, content in [
        ("people/photo.jpg", jpeg_bytes()),
        ("publications/pdfs/CO21113.pdf", b"%PDF-1.7\n%%EOF\n"),
        ("library/documents/notes.html", b"<script>alert(1)</script>"),
        ("library/documents/data.csv", b"a,b\n1,2\n"),
        ("library/images/drawing.svg", b"<svg onload='alert(1)'/>"),
    ]:
        names[name] = default_storage.save(name, ContentFile(content))
    yield names
    for name in names.values():
        default_storage.delete(name)


def body(response):
    return b"".join(response.streaming_content)


def test_images_are_shown_inline_with_safe_headers(
    client, files, settings, django_assert_num_queries
):
    assert settings.DEBUG is False
    client.get("/media-files/people/none.jpg")  # the content generation is read once
    with django_assert_num_queries(0):  # files come from the storage, never the database
        response = client.get(f"/media-files/{files['people/photo.jpg']}")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Disposition"].startswith("inline")
    assert body(response) == jpeg_bytes()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("publications/pdfs/CO21113.pdf", "application/pdf"),
        ("library/documents/notes.html", "text/html"),
        ("library/documents/data.csv", "text/csv"),
        ("library/images/drawing.svg", "image/svg+xml"),
    ],
)
def test_everything_else_is_a_sandboxed_download(client, files, name, content_type):
    response = client.get(f"/media-files/{files[name]}")

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_an_unchanged_file_answers_304(client, files):
    name = files["people/photo.jpg"]
    first = client.get(f"/media-files/{name}")
    url = f"/media-files/{name}"
    again = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    older = client.get(url, headers={"if-modified-since": http_date(0)})

    assert again.status_code == 304
    assert older.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/media-files/people/missing.jpg",
        "/media-files/../rsis_site/settings/base.py",
        "/media-files/people/../../manage.py",
        "/media-files/%2e%2e/manage.py",
        "/media-files/people/photo.jpg%00.html",
        "/media-files//etc/passwd",
        "/media-files/people/",
        "/media-files/people",
    ],
)
def test_unknown_or_escaping_paths_are_not_found(client, files, path):
    assert client.get(path).status_code == 404


def test_only_reading_is_allowed(client, files):
    assert client.post(f"/media-files/{files['people/photo.jpg']}").status_code == 405


def test_folders_on_disk_are_not_found(client, settings, tmp_path):
    """Production keeps uploads on the disk, where a folder exists but cannot be read."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "photo.jpg").write_bytes(jpeg_bytes())

    assert client.get("/media-files/people/photo.jpg").status_code == 200
    assert client.get("/media-files/people").status_code == 404
    assert client.get("/media-files/people/").status_code == 404
