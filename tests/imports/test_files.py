"""Files from the uploads folder: featured images, PDFs, pictures in the text, the library."""

import re

import pytest

from library.models import Document, Image
from publications.models import Publication

from .export import SITE, Post, attachment, export

pytestmark = pytest.mark.django_db


def with_files():
    return export(
        [
            Post(
                10, "CO21113 | With files",
                content=(
                    '[caption id="attachment_21" width="300"]<img src="'
                    f'{SITE}/wp-content/uploads/2021/06/map-300x225.jpg" alt="Map of the strait"> '
                    "A map of the strait[/caption]\n\n"
                    f'<img src="{SITE}/wp-content/uploads/2020/01/gone.jpg" alt="Lost">\n\n'
                    '[gallery ids="21"]'
                ),
                meta={"_thumbnail_id": "20"},
            ),
            attachment(20, "2021/06/lavrov.jpg", title="Lavrov", alt="Sergey Lavrov in Jakarta",
                       caption="Photo: Reuters", parent=10),
            attachment(21, "2021/06/map.jpg", title="Map", alt="Map of the strait"),
            attachment(22, "2021/06/co21113.pdf", title="CO21113 PDF", parent=10),
            attachment(23, "2021/06/missing.jpg", title="Missing", alt="Gone"),
            attachment(24, "2021/06/broken.jpg", title="Broken", alt="Broken"),
        ]
    )  # fmt: skip


def test_featured_image_pdf_and_pictures_come_from_the_uploads(run_import, uploads, visitor):
    output = run_import(with_files(), "--uploads", str(uploads))
    item = Publication.objects.get()
    assert item.image and item.image_alt == "Sergey Lavrov in Jakarta"
    assert item.image_credit == "Photo: Reuters"
    assert item.pdf and item.pdf_text  # the PDF's text is kept for search
    assert visitor.get("/p/CO21113.pdf").status_code == 200
    # Attachments joined the library (the post's PDF is its own file, not a library document).
    assert set(Image.objects.values_list("title", flat=True)) == {"Lavrov", "Map"}
    assert Document.objects.count() == 0
    picture = Image.objects.get(title="Map")
    assert picture.alt_text == "Map of the strait"
    assert f'data-file="{picture.pk}"' in item.body
    assert "<figcaption>A map of the strait</figcaption>" in item.body
    assert item.body.count(f'data-file="{picture.pk}"') == 2  # the caption's and the gallery's
    assert "old.example.org" not in item.body and "gone.jpg" not in item.body
    assert "Picture not found in the uploads, left out" in output
    assert "attachment 23 “Missing”: file not found" in output
    assert "attachment 24 “Broken”: not imported" in output
    page = visitor.get(item.get_absolute_url())
    assert page.status_code == 200


def test_without_uploads_files_are_reported_and_items_still_imported(run_import):
    output = run_import(with_files())
    item = Publication.objects.get()
    assert not item.image and not item.pdf
    assert "featured image file not found" in output and "PDF not found" in output


def test_old_file_addresses_redirect_to_the_library(run_import, uploads, visitor):
    run_import(with_files(), "--uploads", str(uploads))
    picture = Image.objects.get(title="Map")
    response = visitor.get("/wp-content/uploads/2021/06/map.jpg")
    assert response.status_code == 301 and response["Location"] == picture.file.url


def test_a_second_run_does_not_store_the_files_again(run_import, uploads):
    run_import(with_files(), "--uploads", str(uploads))
    first = Publication.objects.get()
    names = (first.image.name, first.pdf.name, Image.objects.count())
    run_import(with_files(), "--uploads", str(uploads))
    again = Publication.objects.get()
    assert (again.image.name, again.pdf.name, Image.objects.count()) == names


def test_files_outside_the_uploads_folder_are_never_read(run_import, uploads, tmp_path):
    (tmp_path / "secret.jpg").write_bytes((uploads / "2021/06/lavrov.jpg").read_bytes())
    text = export(
        [Post(1, "CO21001 | Sneaky", meta={"_thumbnail_id": "2"}),
         attachment(2, "../secret.jpg", alt="x")]
    )  # fmt: skip
    output = run_import(text, "--uploads", str(uploads))
    assert not Publication.objects.get().image
    assert "not found" in output


def stored_files(storage, folder=""):
    folders, files = storage.listdir(folder)
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names += stored_files(storage, f"{folder}{sub}/")
    return sorted(names)


def test_a_dry_run_stores_no_file(run_import, uploads):
    from django.core.files.storage import default_storage

    before = stored_files(default_storage)
    output = run_import(with_files(), "--uploads", str(uploads), "--dry-run")
    assert stored_files(default_storage) == before
    assert Publication.objects.count() == Image.objects.count() == 0
    assert re.search(r"post +1 +0 +0 +0", output)
    assert re.search(r"attachment +2 +0 +0 +2", output)
    # The same import for real stores them.
    run_import(with_files(), "--uploads", str(uploads))
    assert len(stored_files(default_storage)) > len(before)


def test_wordpress_com_picture_addresses_and_a_damaged_picture(run_import, uploads):
    content = (
        '<img src="https://oldsite.files.wordpress.com/2021/06/map.jpg?w=300" alt="Map">\n\n'
        '<img class="wp-image-24" src="https://oldsite.files.wordpress.com/2021/06/broken.jpg">'
    )
    text = export(
        [
            Post(1, "CO21001 | Hosted at WordPress.com", content=content),
            Post(2, "About", post_type="page", slug="about"),
            attachment(21, "2021/06/map.jpg", alt="Map of the strait"),
            attachment(24, "2021/06/broken.jpg", alt="Broken"),
            attachment(25, "2021/06/co21113.pdf", title="Annual report", parent=2),
        ]
    )
    for name in ("map", "broken"):
        text = text.replace(
            f"{SITE}/wp-content/uploads/2021/06/{name}.jpg",
            f"https://oldsite.files.wordpress.com/2021/06/{name}.jpg",
        )
    output = run_import(text, "--uploads", str(uploads))
    item = Publication.objects.get()  # the damaged picture did not cost the post
    picture = Image.objects.get(title="A picture", alt_text="Map of the strait")
    assert f'data-file="{picture.pk}"' in item.body
    assert "broken.jpg" not in item.body
    assert "attachment 24" in output and "not imported" in output
    # A PDF attached to a page (not a post) joins the library.
    assert Document.objects.get().title == "Annual report"


def test_files_added_to_the_uploads_later_come_in_on_the_next_run(run_import, uploads, tmp_path):
    empty = tmp_path / "empty-uploads"
    empty.mkdir()
    run_import(with_files(), "--uploads", str(empty))
    assert not Publication.objects.get().image
    output = run_import(with_files(), "--uploads", str(uploads))
    assert Publication.objects.get().image
    assert re.search(r"post +0 +1 +0 +0", output)
