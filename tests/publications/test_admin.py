import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from publications.models import Publication
from tests.factories import CategoryFactory, PublicationFactory, jpeg_bytes

ADD_URL = "/admin/publications/publication/add/"


def pdf_bytes(pages=1):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def publication_form(series, author=None, **overrides):
    data = {
        "series": str(series.pk),
        "title": "Ports and Power",
        "slug": "ports-and-power",
        "code": "",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "publication_date": "",
        "synopsis": "Why ports matter.",
        "body": "<p>Text<script>alert(1)</script></p>",
        "about_author": "",
        "image_alt": "",
        "image_credit": "",
        "tags": "Maritime, ASEAN",
        "authorships-TOTAL_FORMS": "1" if author else "0",
        "authorships-INITIAL_FORMS": "0",
        "authorships-MIN_NUM_FORMS": "0",
        "authorships-MAX_NUM_FORMS": "1000",
    }
    if author:
        data.update({"authorships-0-order": "0", "authorships-0-person": str(author.pk)})
    if "categories" not in overrides:
        # The pre-publish check wants at least one category.
        data["categories"] = [str(CategoryFactory().pk)]
    data.update(overrides)
    return data


def test_admin_publish_on_save_gives_the_next_code(staff_client, commentaries, author):
    data = publication_form(commentaries, author, status="published", publication_date="2021-08-02")
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    item = Publication.objects.get(slug="ports-and-power")
    assert (item.code, item.status) == ("CO21001", "published")
    assert item.published_at is not None
    assert "<script>" not in item.body
    assert [a.person for a in item.authorships.all()] == [author]
    assert sorted(item.tags.names()) == ["ASEAN", "Maritime"]


def test_admin_draft_has_no_code_and_scheduled_needs_a_time(staff_client, commentaries):
    assert staff_client.post(ADD_URL, publication_form(commentaries)).status_code == 302
    assert Publication.objects.get().code is None
    response = staff_client.post(
        ADD_URL, publication_form(commentaries, slug="other", status="scheduled")
    )
    assert response.status_code == 200
    assert "give the date" in str(response.context["adminform"].form.non_field_errors())


def test_admin_rejects_a_typed_code_of_another_series(staff_client, commentaries):
    response = staff_client.post(ADD_URL, publication_form(commentaries, code="PR21001"))
    assert response.status_code == 200
    assert (
        "Codes of Commentaries start with CO." in response.context["adminform"].form.errors["code"]
    )


def test_admin_accepts_a_real_pdf_and_image(staff_client, commentaries):
    data = publication_form(
        commentaries,
        pdf=SimpleUploadedFile("paper.pdf", pdf_bytes(2), "application/pdf"),
        image=SimpleUploadedFile("photo.jpg", jpeg_bytes(1200, 700), "image/jpeg"),
        image_alt="Two ministers",
    )
    assert staff_client.post(ADD_URL, data).status_code == 302
    item = Publication.objects.get()
    assert item.pdf.name.endswith(".pdf") and item.image.name.endswith(".jpg")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("paper.pdf", b"%PDF-1.7 this is not really a PDF", "cannot be read"),
        ("paper.pdf", b"<html>hello</html>", "not a PDF"),
        ("paper.pdf", jpeg_bytes(), "not a PDF"),
        ("paper.exe", pdf_bytes(), "extension"),
        ("paper.pdf", b"", "empty"),
    ],
)
def test_admin_rejects_files_that_are_not_pdfs(staff_client, commentaries, name, content, message):
    data = publication_form(commentaries, pdf=SimpleUploadedFile(name, content, "application/pdf"))
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["pdf"])
    assert message in errors
    assert not Publication.objects.exists()


def test_admin_rejects_an_oversize_pdf(staff_client, commentaries, monkeypatch):
    monkeypatch.setattr("core.pdfs.MAX_PDF_BYTES", 1000)
    data = publication_form(
        commentaries, pdf=SimpleUploadedFile("big.pdf", pdf_bytes(20), "application/pdf")
    )
    response = staff_client.post(ADD_URL, data)
    assert "PDFs may be at most" in " ".join(response.context["adminform"].form.errors["pdf"])


def test_admin_rejects_an_image_that_is_not_one(staff_client, commentaries):
    data = publication_form(
        commentaries, image=SimpleUploadedFile("x.jpg", b"GIF89a nonsense", "image/jpeg")
    )
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "image" in response.context["adminform"].form.errors
    assert not Publication.objects.exists()


def test_admin_actions_publish_and_withdraw(staff_client, commentaries):
    drafts = [
        PublicationFactory(
            series=commentaries, status="draft", published_at=None, publication_date=None
        )
        for _ in range(2)
    ]
    for draft in drafts:
        draft.categories.add(CategoryFactory())
    url = "/admin/publications/publication/"
    pks = [str(d.pk) for d in drafts]
    staff_client.post(url, {"action": "publish_now", "_selected_action": pks})
    codes = sorted(Publication.objects.values_list("code", flat=True))
    assert all(code and code.startswith("CO") for code in codes) and len(set(codes)) == 2
    assert set(Publication.objects.values_list("status", flat=True)) == {"published"}
    staff_client.post(url, {"action": "withdraw", "_selected_action": pks})
    assert set(Publication.objects.values_list("status", flat=True)) == {"withdrawn"}
    assert sorted(Publication.objects.values_list("code", flat=True)) == codes


def test_admin_list_search_and_filters(staff_client, lavrov):
    url = "/admin/publications/publication/"
    queries = ["", "?q=CO21113", "?q=Cheang", "?status__exact=published", "?year=2021",
               f"?series__id__exact={lavrov.series.pk}", "?categories=1", "?year=abc"]  # fmt: skip
    for query in queries:
        response = staff_client.get(url + query)
        assert response.status_code == 200, query
    assert "Russia and Southeast Asia" in staff_client.get(url + "?q=Cheang").content.decode()
    assert "Russia and Southeast Asia" in staff_client.get(url + "?q=co21113").content.decode()
    missing = staff_client.get(url + "?q=nothing-like-this").content.decode()
    assert "Russia and Southeast Asia" not in missing


def test_admin_preview_works_for_drafts(staff_client, commentaries):
    item = PublicationFactory(series=commentaries, status="draft", published_at=None)
    change = staff_client.get(f"/admin/publications/publication/{item.pk}/change/").content.decode()
    assert f'href="{item.get_absolute_url()}"' in change
    assert ">Preview<" in change and "View on site" not in change
    assert staff_client.get(item.get_absolute_url()).status_code == 200


def test_admin_import_with_a_typed_code_goes_public(staff_client, visitor, commentaries):
    data = publication_form(
        commentaries, code="co19042", status="published", publication_date="2019-03-04"
    )
    assert staff_client.post(ADD_URL, data).status_code == 302
    item = Publication.objects.get()
    assert (item.code, item.publication_date.isoformat()) == ("CO19042", "2019-03-04")
    assert item.published_at is not None
    assert visitor.get("/p/co19042/").status_code == 301


def test_admin_code_cannot_be_changed_once_given(staff_client, lavrov):
    url = f"/admin/publications/publication/{lavrov.pk}/change/"
    data = publication_form(
        lavrov.series, title=lavrov.title, slug=lavrov.slug, status="published",
        publication_date="2021-07-26", code="", published_at_0="2021-07-26", published_at_1="09:00",
    )  # fmt: skip
    response = staff_client.post(url, data)
    assert response.status_code == 302
    lavrov.refresh_from_db()
    assert lavrov.code == "CO21113"
