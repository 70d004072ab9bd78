"""A run as a whole: both export versions, re-runs, dry runs, hostile files, the record."""

import re

import pytest
from django.core.management.base import CommandError
from taggit.models import Tag, TaggedItem

from imports.models import ImportedItem, ImportRun
from navigation.models import MenuItem
from publications.models import Authorship, Category, Publication
from redirects.models import Redirect
from staff.models import Person

from .export import SITE, Post, author, export

pytestmark = pytest.mark.django_db


def sample():
    return export(
        [
            Post(10, "CO21113 | Lavrov’s July Visits", slug="lavrov-visits",
                 categories=(("commentaries", "Commentaries"), ("asean", "ASEAN")),
                 tags=(("russia", "Russia"),)),
            Post(11, "CO21114 | Second",
                 content=f'See <a href="{SITE}/2021/06/lavrov-visits/">the first</a>.'),
            Post(12, "About", post_type="page", slug="about"),
        ],
        authors=[author("editor", "Chris Cheang")],
        categories=[("commentaries", "Commentaries", ""), ("asean", "ASEAN", "")],
    )  # fmt: skip


@pytest.mark.parametrize("version", ["1.1", "1.2"])
@pytest.mark.parametrize("https", [False, True])
def test_both_versions_and_both_namespace_spellings(run_import, version, https):
    run_import(export([Post(1, "CO21001 | One")], version=version, https=https))
    assert Publication.objects.get().code == "CO21001"


def test_a_second_run_creates_nothing_and_updates_only_what_changed(run_import):
    run_import(sample(), "--new-authors", "people")
    models = (Publication, Authorship, Category, Tag, TaggedItem, Redirect, MenuItem, Person,
              ImportedItem)  # fmt: skip
    counts = {model: model.objects.count() for model in models}
    second = run_import(sample(), "--new-authors", "people")
    assert {model: model.objects.count() for model in counts} == counts
    assert re.search(r"post +0 +0 +2 +0", second) and re.search(r"page +0 +0 +1 +0", second)
    changed = sample().replace("CO21114 | Second", "CO21114 | Second, corrected")
    third = run_import(changed, "--new-authors", "people")
    assert Publication.objects.get(code="CO21114").title == "Second, corrected"
    assert Publication.objects.count() == 2
    run = ImportRun.objects.first()
    assert run.counts["post"] == {"created": 0, "updated": 1, "unchanged": 1, "skipped": 0}
    assert "updated" in third


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(run_import):
    output = run_import(sample(), "--dry-run")
    assert "dry run: nothing was changed" in output
    assert "post              2" in output
    assert Publication.objects.count() == 0
    assert ImportedItem.objects.count() == Redirect.objects.count() == 0
    assert ImportRun.objects.count() == 0


def test_old_addresses_answer_301_to_the_new_pages(run_import, visitor):
    run_import(sample())
    lavrov = Publication.objects.get(code="CO21113")
    for old in ("/2021/06/lavrov-visits/", "/?p=10", "/category/asean/", "/tag/russia/"):
        response = visitor.get(old)
        assert response.status_code == 301, old
    assert visitor.get("/2021/06/lavrov-visits/")["Location"] == lavrov.get_absolute_url()
    assert visitor.get("/?page_id=12")["Location"] == "/about/"
    assert visitor.get("/tag/russia/")["Location"] == "/tags/russia/"
    assert visitor.get(lavrov.get_absolute_url()).status_code == 200


def test_links_between_imported_items_point_to_their_new_addresses(run_import):
    run_import(sample())
    lavrov = Publication.objects.get(code="CO21113")
    body = Publication.objects.get(code="CO21114").body
    assert f'href="{lavrov.get_absolute_url()}"' in body
    assert "old.example.org" not in body


def test_the_record_of_the_import_is_kept_for_administrators(run_import, staff_client):
    run_import(sample().replace("CO21114 | Second", "Odd"), "--default-series", "commentaries")
    run = ImportRun.objects.get()
    assert run.succeeded and run.site == "old.example.org"
    assert run.counts["post"]["created"] == 2
    page = staff_client.get(f"/admin/imports/importrun/{run.pk}/change/")
    assert page.status_code == 200
    assert "export.xml" in page.content.decode()
    assert staff_client.get("/admin/imports/importrun/").status_code == 200


def with_doctype(doctype, title):
    """A valid export but for a document type declaration."""
    text = export([Post(1, "CO21001 | Harmless")])
    text = text.replace("<rss", f"{doctype}\n<rss", 1)
    return text.replace("<title>CO21001 | Harmless</title>", f"<title>{title}</title>")


HOSTILE = {
    "external entity": (
        with_doctype('<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"),
        "DTD or entities",
    ),
    "billion laughs": (
        with_doctype(
            '<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>',
            "&lol3;",
        ),
        "DTD or entities",
    ),
    "a bare doctype": (with_doctype("<!DOCTYPE rss>", "Plain"), "DTD or entities"),
    "not xml": ("this is not XML at all, just words", "not well-formed XML"),
    "not wxr": ('<?xml version="1.0"?><html><body>A web page</body></html>', "no <rss> root"),
    "plain rss": (
        '<?xml version="1.0"?><rss><channel><title>News</title>'
        "<item><title>x</title></item></channel></rss>",
        "no wxr_version",
    ),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_and_wrong_files_get_a_clear_error_and_nothing_is_written(run_import, kind):
    text, reason = HOSTILE[kind]
    with pytest.raises(CommandError, match="was not imported") as error:
        run_import(text)
    assert reason in str(error.value)
    assert Publication.objects.count() == ImportRun.objects.count() == 0


def test_a_truncated_export_writes_nothing(run_import):
    text = sample()
    with pytest.raises(CommandError, match="not well-formed XML"):
        run_import(text[: len(text) - 200])
    assert Publication.objects.count() == Category.objects.count() == Redirect.objects.count() == 0


def test_a_missing_file_is_a_clear_error(run_import, tmp_path):
    from django.core.management import call_command

    with pytest.raises(CommandError, match="No such file"):
        call_command("import_wordpress", str(tmp_path / "nope.xml"))


def test_a_bad_item_is_reported_and_the_rest_imported(run_import, monkeypatch):
    from imports import posts

    real = posts.import_post

    def failing(ctx, item):
        if item.post_id == "11":
            raise RuntimeError("disk on fire")
        return real(ctx, item)

    monkeypatch.setattr(posts, "import_post", failing)
    output = run_import(sample())
    assert list(Publication.objects.values_list("code", flat=True)) == ["CO21113"]
    assert "post 11 “Second”: not imported: RuntimeError: disk on fire" in output


def test_only_administrators_see_the_import_records(
    run_import, editor_client, administrator_client
):
    run_import(sample())
    run = ImportRun.objects.get()
    address = f"/admin/imports/importrun/{run.pk}/change/"
    assert administrator_client.get(address).status_code == 200
    assert editor_client.get(address).status_code == 403
    # Records are written by the command alone: nobody adds or edits one in the admin.
    assert administrator_client.get("/admin/imports/importrun/add/").status_code == 403


def test_a_bad_item_after_new_tags_and_people_leaves_no_trace_for_the_next(run_import, monkeypatch):
    from imports import importer

    real = importer.Importer.remember

    def failing(ctx, kind, source_id, target, **kwargs):
        if (kind, str(source_id)) == ("post", "1"):
            raise RuntimeError("stopped after its tags and authors were written")
        return real(ctx, kind, source_id, target, **kwargs)

    monkeypatch.setattr(importer.Importer, "remember", failing)
    text = export(
        [
            Post(1, "CO21001 | Fails late", creator="amy", tags=(("fresh", "Fresh"),)),
            Post(2, "CO21002 | Same tag and author", creator="amy", tags=(("fresh", "Fresh"),)),
        ],
        authors=[author("amy", "Amy Lim")],
    )
    output = run_import(text, "--new-authors", "people")
    assert "post 1 “Fails late”: not imported: RuntimeError" in output
    second = Publication.objects.get()
    assert second.code == "CO21002"
    assert list(second.tags.names()) == ["Fresh"]
    assert second.authorships.get().person.name == "Amy Lim"
    assert Person.objects.filter(name="Amy Lim").count() == 1


def test_a_run_stopped_before_its_redirects_were_written_is_finished_by_the_next(
    run_import, monkeypatch, visitor
):
    from imports import importer

    def stop(ctx, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(importer.Importer, "_flush", stop)
    with pytest.raises(KeyboardInterrupt):
        run_import(sample())
    assert Publication.objects.count() == 2
    assert not Redirect.objects.filter(old_path="/?p=10").exists()
    monkeypatch.undo()
    output = run_import(sample())
    assert re.search(r"post +0 +2 +0 +0", output)
    assert visitor.get("/?p=10").status_code == 301
    body = Publication.objects.get(code="CO21114").body
    assert "old.example.org" not in body
    assert Publication.objects.count() == 2
