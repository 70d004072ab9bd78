"""The admin of old addresses: the form checks as the service does; CSV out and back in."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from redirects.models import Redirect
from redirects.services import redirect_to
from tests.redirects.test_services import OFF_SITE

LIST = "/admin/redirects/redirect/"
ADD = "/admin/redirects/redirect/add/"
IMPORT = "/admin/redirects/redirect/import/"
EXPORT = "/admin/redirects/redirect/export/"
LAVROV = "/publications/commentaries/russia-and-asean/"


def add(client, old, target="", status="301"):
    return client.post(ADD, {"old_path": old, "target_path": target, "status": status})


def form_errors(response):
    assert response.status_code == 200
    return response.context["adminform"].form.errors


def test_editor_adds_a_redirect(editor_client, visitor, site_facts):
    response = add(editor_client, "https://old.rsis.example/2021/06/my-post/?x=1", "/publications/")

    assert response.status_code == 302
    redirect = Redirect.objects.get()
    assert (redirect.old_path, redirect.target_path, redirect.source) == (
        "/2021/06/my-post/",
        "/publications/",
        "editor",
    )
    assert visitor.get("/2021/06/my-post/")["Location"] == "/publications/"


def test_contributor_may_not_see_redirects(contributor_client):
    assert contributor_client.get(LIST).status_code == 403
    assert contributor_client.get(IMPORT).status_code == 403
    assert contributor_client.get(EXPORT).status_code == 403


@pytest.mark.parametrize("target", OFF_SITE)
def test_form_refuses_off_site_targets(staff_client, target):
    assert "target_path" in form_errors(add(staff_client, "/old/", target))
    assert not Redirect.objects.exists()


def test_form_refuses_loops_and_itself(staff_client):
    redirect_to("/a/", path="/b/")

    assert "loop" in str(form_errors(add(staff_client, "/b/", "/a/"))["target_path"])
    assert "its own address" in str(form_errors(add(staff_client, "/c/", "/c"))["target_path"])
    gone_with_target = form_errors(add(staff_client, "/c/", "/d/", "410"))
    assert "leads nowhere" in str(gone_with_target["target_path"])
    assert "old_path" in form_errors(add(staff_client, "no-slash", "/d/"))


def test_form_refuses_a_second_redirect_of_the_same_address(staff_client):
    redirect_to("/a/", path="/b/")
    assert "old_path" in form_errors(add(staff_client, "https://old.rsis.example/a/", "/c/"))


def test_changing_a_redirect_is_checked_without_itself(staff_client):
    first = redirect_to("/a/", path="/b/")
    redirect_to("/b/", path="/c/")
    url = f"{LIST}{first.pk}/change/"

    # /a/ → /b/ → /c/ becomes /x/ → /b/ → /c/: no loop, although /a/ was on the way.
    response = staff_client.post(url, {"old_path": "/x/", "target_path": "/b/", "status": "301"})
    assert response.status_code == 302
    response = staff_client.post(url, {"old_path": "/c/", "target_path": "/b/", "status": "301"})
    assert "loop" in str(form_errors(response)["target_path"])


def test_a_redirect_to_an_item_keeps_following_it_when_saved(staff_client, lavrov):
    redirect = redirect_to("/old/", target=lavrov, source="import")
    url = f"{LIST}{redirect.pk}/change/"
    page = staff_client.get(url)
    assert LAVROV in page.content.decode()

    response = staff_client.post(url, {"old_path": "/old/", "target_path": "", "status": "301"})
    assert response.status_code == 302
    assert Redirect.objects.get().target == lavrov

    response = staff_client.post(url, {"old_path": "/old/", "target_path": "", "status": "410"})
    assert response.status_code == 302
    redirect = Redirect.objects.get()
    assert (redirect.status, redirect.content_type, redirect.object_id) == (410, None, None)


@pytest.mark.parametrize("count", [1, 10])
def test_list_shows_where_each_redirect_leads(
    staff_client, lavrov, pages, count, django_assert_max_num_queries
):
    for number in range(count):
        redirect_to(f"/?p={number}", target=lavrov)
        redirect_to(f"/?page_id={number}", target=pages["team"])
    redirect_to("/typed/", path="/publications/")
    redirect_to("/gone/", status=410)

    # Whatever the number of rows: the items of each kind at once, the menu (cold) once.
    with django_assert_max_num_queries(14):
        html = staff_client.get(LIST).content.decode()

    assert html.count(f"(now at {LAVROV})") == count
    assert html.count("(now at /about-rsis/introduction/team/)") == count
    assert "Import from a CSV file" in html and "Download all as CSV" in html


# CSV ---------------------------------------------------------------------------------------


def csv_file(text, name="redirects.csv", content_type="text/csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type=content_type)


def upload(client, file):
    return client.post(IMPORT, {"file": file})


def test_export_then_import_changes_nothing(staff_client, lavrov):
    redirect_to("/?p=1", target=lavrov)
    redirect_to("/café/", path="/publications/?series=commentaries")
    redirect_to("/gone/", status=410)
    Redirect.objects.update(hits=4)
    fields = ("old_path", "content_type", "object_id", "target_path", "status", "hits")
    before = list(Redirect.objects.values_list(*fields))

    exported = staff_client.get(EXPORT)
    assert exported["Content-Type"] == "text/csv; charset=utf-8"
    text = exported.content.decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["old_path", "target", "status", "visits", "last_visit", "made"]
    assert rows[1][:3] == ["/?p=1", LAVROV, "301"]

    response = upload(staff_client, csv_file(text))
    assert response.status_code == 302
    assert list(Redirect.objects.values_list(*fields)) == before

    Redirect.objects.all().delete()
    assert upload(staff_client, csv_file(text)).status_code == 302
    assert {r.old_path: r.target_url() for r in Redirect.objects.all()} == {
        "/?p=1": LAVROV,
        "/café/": "/publications/?series=commentaries",
        "/gone/": None,
    }


def test_export_of_the_selected_redirects(staff_client, site_facts):
    chosen = redirect_to("/a/", path="/b/")
    redirect_to("/c/", path="/d/")
    response = staff_client.post(
        LIST, {"action": "export_selected", "_selected_action": [chosen.pk]}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert [row[:3] for row in rows[1:]] == [["/a/", "/b/", "301"]]


def test_import_saves_good_lines_and_reports_the_others(staff_client, visitor, site_facts):
    text = "\n".join(
        [
            "old_path,target,status",
            "/2020/01/one/,/publications/,301",
            "/2020/01/two/,https://evil.example/,301",
            "",
            "/2020/01/three/,,410",
            "/2020/01/four/,//evil.example/,",
            "/2020/01/five/,javascript:alert(1),301",
            "/2020/01/six/,/\\evil,301",
            "/2020/01/seven/,https://www.rsis.example/events/,",
            "/2020/01/eight/,/2020/01/eight/,301",
            "/2020/01/nine/,/publications/,302",
            "/2020/01/ten/,/2020/01/one/,301",
            "/publications/,/2020/01/ten/,301",
        ]
    )

    response = upload(staff_client, csv_file(text))

    assert response.status_code == 200
    errors = response.context["errors"]
    assert [error.split(" ", 2)[1] for error in errors] == [
        "3", "6", "7", "8", "10", "11", "13",
    ]  # fmt: skip
    assert "Line 3 (/2020/01/two/): “evil.example” is not this site" in errors[0]
    assert "loop" in errors[-1]
    assert set(Redirect.objects.values_list("old_path", flat=True)) == {
        "/2020/01/one/", "/2020/01/three/", "/2020/01/seven/", "/2020/01/ten/",
    }  # fmt: skip
    assert visitor.get("/2020/01/seven/")["Location"] == "/events/"
    assert visitor.get("/2020/01/three/").status_code == 410


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (csv_file("old,new\n/a/,/b/\n"), "must name the columns old_path,target,status"),
        (csv_file("/a/,/b/,301\n"), "must name the columns"),
        (csv_file(""), "empty"),
        (csv_file("old_path,target,status\n", name="redirects.xlsx"), "Choose a CSV file"),
        (csv_file("old_path,target,status\n", content_type="application/pdf"), "Choose a CSV"),
        (SimpleUploadedFile("r.csv", b"\x89PNG\r\n\x1a\n\x00\x00\xff", "text/csv"), "not CSV"),
        (SimpleUploadedFile("r.csv", b"old_path,target\x00,status\n", "text/csv"), "not CSV"),
        (csv_file("old_path,target,status\n" + "/a/,/b/,301\n" * 200_000), "over 2 MB"),
    ],
)
def test_import_refuses_what_is_not_a_redirects_csv(staff_client, file, message):
    response = upload(staff_client, file)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not Redirect.objects.exists()
