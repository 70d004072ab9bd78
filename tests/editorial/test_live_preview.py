"""The live preview beside an item's form: the public page as the form would make it, before
anything is saved, for who may change (or add) the item; nothing is ever written.

The forms are posted as the page's script posts them: the edit page's own fields, as typed.
"""

import json

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils.text import capfirst
from reversion.models import Revision, Version

from core.content_cache import GENERATION_KEY, bump_generation, current_generation, memo, unkept
from publications.admin import AuthorshipInline
from publications.models import Publication
from search.indexing import Kind
from search.models import SearchEntry
from tests.editorial.test_checks import page_form
from tests.factories import (
    AuthorshipFactory,
    CategoryFactory,
    EventFactory,
    EventSpeakerFactory,
    MediaItemFactory,
    PersonFactory,
    PublicationFactory,
    jpeg_bytes,
)

pytestmark = pytest.mark.django_db

ADD_PAGE = "/admin/publications/publication/add/"
ADD_PREVIEW = "/admin/publications/publication/add/live-preview/"


def admin_url(item, page):
    opts = item._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{item.pk}/{page}/"


def row_counts():
    """The number of rows of every table of the database."""
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def kept():
    """What the cache holds, apart from the generation token (locmem in the tests)."""
    return {key for key in cache._cache if GENERATION_KEY not in key}


def stored_files(folder):
    """The names of the files stored under ``folder``, at any depth."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    for inner in folders:
        files += stored_files(f"{folder}/{inner}")
    return files


@pytest.fixture
def person(db):
    return PersonFactory(name="Chris Cheang", slug="chris-cheang")


def new_publication(client, commentaries, person, **typed):
    """The add page's form, filled in as an editor would."""
    category = CategoryFactory(name="Maritime Security", slug="maritime-security")
    data = page_form(client, ADD_PAGE)
    data.update(
        {
            "series": str(commentaries.pk),
            "title": "Straits and Shipping Lanes",
            "slug": "straits-and-shipping-lanes",
            "synopsis": "Why the region's sea lanes matter.",
            "body": "<p>Trade keeps growing.</p><script>alert('typed')</script>",
            "categories": [str(category.pk)],
            "tags": "Shipping",
            "authorships-TOTAL_FORMS": "1",
            "authorships-0-order": "0",
            "authorships-0-person": str(person.pk),
            **typed,
        }
    )
    return data


def test_preview_of_a_new_publication_shows_what_was_typed_and_writes_nothing(
    editor_client, commentaries, person
):
    data = new_publication(editor_client, commentaries, person)
    editor_client.get(ADD_PAGE)  # the generation token exists before counting
    before, cached, generation = row_counts(), kept(), cache.get(GENERATION_KEY)

    response = editor_client.post(ADD_PREVIEW, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>Preview — not saved.</strong>" in html
    assert "Straits and Shipping Lanes</h1>" in html
    assert "<p>Trade keeps growing.</p>" in html
    assert "alert('typed')" not in html and "<script>alert" not in html
    assert ">Chris Cheang</a>" in html
    assert ">Maritime Security</a>" in html and ">Shipping</a>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")
    assert row_counts() == before
    assert not Publication.objects.exists()
    assert not SearchEntry.objects.filter(kind=Kind.PUBLICATION).exists()
    assert not Version.objects.exists() and not Revision.objects.exists()
    assert (kept(), cache.get(GENERATION_KEY)) == (cached, generation)


def test_preview_of_a_published_publication_shows_the_change_and_leaves_it_as_it_is(
    editor_client, commentaries, person
):
    item = PublicationFactory(series=commentaries, title="Ports and Power", code="CO21001")
    AuthorshipFactory(publication=item, person=person, order=0)
    entries = SearchEntry.objects.filter(kind=Kind.PUBLICATION)
    entry = list(entries.values_list("title", flat=True))
    data = page_form(editor_client, admin_url(item, "change"))
    data.update(title="Ports, Power and Patience", body="<p>A new paragraph.</p>")
    versions, before = Version.objects.count(), row_counts()
    cached, generation = kept(), cache.get(GENERATION_KEY)

    response = editor_client.post(admin_url(item, "live-preview"), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "CO21001</span> | Ports, Power and Patience</h1>" in html
    assert "<p>A new paragraph.</p>" in html and ">Chris Cheang</a>" in html
    assert "<strong>Preview — not saved.</strong>" in html
    assert "This published item is not public" not in html
    item.refresh_from_db()
    assert (item.title, item.body) == ("Ports and Power", "<p>The text of Ports and Power.</p>")
    assert row_counts() == before and Version.objects.count() == versions
    assert list(entries.values_list("title", flat=True)) == entry == ["Ports and Power"]
    assert (kept(), cache.get(GENERATION_KEY)) == (cached, generation)


def test_preview_shows_authors_as_typed_in_their_rows(editor_client, commentaries, person):
    data = new_publication(
        editor_client,
        commentaries,
        person,
        **{
            "authorships-TOTAL_FORMS": "2",
            "authorships-0-order": "1",
            "authorships-1-order": "0",
            "authorships-1-name": "Ada Outsider",
            "authorships-1-affiliation": "Example University",
        },
    )

    html = editor_client.post(ADD_PREVIEW, data).content.decode()

    assert "Ada Outsider (Example University), <a" in html
    assert html.index("Ada Outsider") < html.index(">Chris Cheang</a>")


def test_preview_without_a_removed_author_keeps_them_saved(editor_client, commentaries, person):
    item = PublicationFactory(series=commentaries, title="Ports and Power")
    AuthorshipFactory(publication=item, person=person, order=0)
    data = page_form(editor_client, admin_url(item, "change"))
    data.update({"authorships-0-DELETE": "on", "authorships-0-order": ""})

    response = editor_client.post(admin_url(item, "live-preview"), data)

    assert response.status_code == 200, response.content
    assert "Chris Cheang" not in response.content.decode()
    assert [a.person for a in item.authorships.all()] == [person]


def test_preview_keeps_an_uploaded_file_out_and_shows_the_image_already_saved(
    editor_client, commentaries, person
):
    data = new_publication(editor_client, commentaries, person)
    data["image"] = SimpleUploadedFile("harbour.jpg", jpeg_bytes(), content_type="image/jpeg")
    before = row_counts()

    response = editor_client.post(ADD_PREVIEW, data)

    assert response.status_code == 200
    assert "harbour" not in response.content.decode()
    assert not any("harbour" in name for name in stored_files("publications"))
    assert row_counts() == before


def test_preview_of_a_contributors_own_draft_and_new_item(
    contributor, contributor_client, commentaries, person
):
    draft = PublicationFactory(
        series=commentaries, title="My draft", status="draft", published_at=None
    )
    draft.created_by = contributor
    draft.save()
    data = page_form(contributor_client, admin_url(draft, "change"))
    data["title"] = "My draft, retitled"

    response = contributor_client.post(admin_url(draft, "live-preview"), data)
    assert response.status_code == 200
    assert "My draft, retitled</h1>" in response.content.decode()

    data = new_publication(contributor_client, commentaries, person, tags="")
    response = contributor_client.post(ADD_PREVIEW, data)
    assert response.status_code == 200, response.content


def test_preview_is_refused_for_someone_elses_draft_and_a_released_item(
    contributor_client, editor_client, commentaries
):
    others = PublicationFactory(series=commentaries, status="draft", published_at=None)
    public = PublicationFactory(series=commentaries)
    data = page_form(editor_client, admin_url(others, "change"))

    for item in (others, public):
        response = contributor_client.post(admin_url(item, "live-preview"), data)
        assert response.status_code == 403
        assert b"Preview" not in response.content


def test_preview_is_refused_to_visitors_and_to_staff_without_the_right_to_change(
    visitor, commentaries, django_user_model
):
    item = PublicationFactory(series=commentaries)
    data = {"title": "Forged", "series": str(commentaries.pk), "slug": "forged"}

    response = visitor.post(admin_url(item, "live-preview"), data)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert visitor.post(ADD_PREVIEW, data).status_code == 302

    reader = django_user_model.objects.create_user("reader", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_publication"))
    client = Client()
    client.force_login(reader)
    assert client.post(admin_url(item, "live-preview"), data).status_code == 403
    assert client.post(ADD_PREVIEW, data).status_code == 403
    Publication.objects.get(pk=item.pk, title=item.title)


def test_preview_answers_only_posts(editor_client, commentaries):
    item = PublicationFactory(series=commentaries)
    assert editor_client.get(admin_url(item, "live-preview")).status_code == 405
    assert editor_client.get(ADD_PREVIEW).status_code == 405


def test_preview_of_a_missing_item_says_so(editor_client):
    response = editor_client.post("/admin/publications/publication/999999/live-preview/", {})
    assert response.status_code == 404
    assert json.loads(response.content)["message"].startswith("This item no longer exists")


def test_preview_of_invalid_data_lists_what_to_put_right(editor_client, commentaries, person):
    PublicationFactory(series=commentaries, slug="taken")
    data = new_publication(
        editor_client,
        commentaries,
        person,
        title="",
        slug="taken",
        **{"authorships-0-person": "", "authorships-0-name": ""},
    )
    data["authorships-TOTAL_FORMS"] = "2"
    data["authorships-0-order"] = "not a number"
    # A row being removed is not to be put right.
    data.update(
        {"authorships-1-order": "x", "authorships-1-name": "Gone", "authorships-1-DELETE": "on"}
    )
    before = row_counts()

    response = editor_client.post(ADD_PREVIEW, data)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    answer = json.loads(response.content)
    assert answer["message"] == (
        "The preview cannot show your latest changes until these are put right:"
    )
    problems = answer["problems"]
    title = capfirst(Publication._meta.get_field("title").verbose_name)
    assert f"{title}: This field is required." in problems
    rows = [line.split(" – ")[0] for line in problems if " – " in line]
    author = capfirst(AuthorshipInline.verbose_name)
    assert rows and set(rows) == {f"{author} 1"}, problems  # the row removed is not named
    assert row_counts() == before


def test_preview_of_a_slug_already_used_says_so(editor_client, commentaries, person):
    PublicationFactory(series=commentaries, slug="straits-and-shipping-lanes")
    data = new_publication(editor_client, commentaries, person)

    response = editor_client.post(ADD_PREVIEW, data)

    assert response.status_code == 400
    assert "already exists" in " ".join(json.loads(response.content)["problems"])


def test_preview_of_an_event_shows_its_speakers_as_typed(editor_client, person):
    event = EventFactory(title="Sea Lanes Seminar", status="draft")
    EventSpeakerFactory(event=event, person=person, order=0)
    data = page_form(editor_client, admin_url(event, "change"))
    data["title"] = "Sea Lanes Seminar, moved online"
    assert data["speakers-TOTAL_FORMS"] == "2"  # the speaker and an empty row
    data["speakers-1-order"] = "1"
    data["speakers-1-name"] = "Ada Guest"
    before = row_counts()

    response = editor_client.post(admin_url(event, "live-preview"), data)

    assert response.status_code == 200, response.content
    html = response.content.decode()
    assert "Sea Lanes Seminar, moved online" in html
    assert "Chris Cheang" in html and "Ada Guest" in html
    assert "<strong>Preview — not saved.</strong>" in html
    assert row_counts() == before


def test_preview_of_a_media_item_with_and_without_a_page(editor_client):
    speech = MediaItemFactory(kind="speeches", body="<p>Words.</p>", status="draft")
    data = page_form(editor_client, admin_url(speech, "change"))
    data["body"] = "<p>Other words.</p>"

    response = editor_client.post(admin_url(speech, "live-preview"), data)
    assert response.status_code == 200
    assert "<p>Other words.</p>" in response.content.decode()

    data["body"], data["embed_url"] = "", ""
    response = editor_client.post(admin_url(speech, "live-preview"), data)
    assert response.status_code == 404
    assert json.loads(response.content)["message"] == (
        "This item has no page of its own to preview."
    )


def test_form_pages_offer_the_preview_to_who_may_change_the_item(
    editor_client, contributor_client, commentaries
):
    item = PublicationFactory(series=commentaries)

    add = editor_client.get(ADD_PAGE).content.decode()
    assert f'data-url="{ADD_PREVIEW}"' in add
    assert 'aria-pressed="true">Desktop</button>' in add
    assert 'aria-pressed="false">Phone</button>' in add
    assert "editorial/live_preview.js" in add
    change = editor_client.get(admin_url(item, "change")).content.decode()
    assert f'data-url="{admin_url(item, "live-preview")}"' in change
    assert 'id="id_title"' in change

    # A contributor may look at a published item, not change it: no preview.
    page = contributor_client.get(admin_url(item, "change"))
    assert page.status_code == 200
    assert "live-preview" not in page.content.decode()


def test_changes_about_to_be_rolled_back_start_no_generation_and_keep_nothing(db):
    before = current_generation()
    assert memo("answer", lambda: "kept") == "kept"
    with unkept():
        bump_generation()
        assert current_generation() == before
        assert memo("answer", lambda: "new") == "kept"  # what the caches hold is read
        assert memo("other", lambda: "built") == "built"
    assert memo("other", lambda: "rebuilt") == "rebuilt"  # nothing was kept meanwhile
    assert current_generation() == before


# The queries of a preview, measured on PostgreSQL: 106 for a new publication with an author, a
# category and a tag, 78 for a change to a saved one (91 and 63 on SQLite). They include the
# form's checks, the rolled-back writes (the search entry is written again after each step) and
# the page's menu and site facts, read afresh because a preview keeps nothing in the cache.


def test_preview_of_a_new_publication_keeps_its_queries_bounded(
    editor_client, commentaries, person, site_facts, django_assert_max_num_queries
):
    data = new_publication(editor_client, commentaries, person)

    with django_assert_max_num_queries(110):
        response = editor_client.post(ADD_PREVIEW, data)

    assert response.status_code == 200
    assert "Straits and Shipping Lanes</h1>" in response.content.decode()


def test_preview_of_a_saved_publication_keeps_its_queries_bounded(
    editor_client, commentaries, person, site_facts, django_assert_max_num_queries
):
    item = PublicationFactory(series=commentaries, title="Ports and Power", code="CO21001")
    AuthorshipFactory(publication=item, person=person, order=0)
    item.categories.add(CategoryFactory())
    item.tags.add("Shipping")
    data = page_form(editor_client, admin_url(item, "change"))
    data["title"] = "Ports, Power and Patience"

    with django_assert_max_num_queries(82):
        response = editor_client.post(admin_url(item, "live-preview"), data)

    assert response.status_code == 200
    assert "CO21001</span> | Ports, Power and Patience</h1>" in response.content.decode()
