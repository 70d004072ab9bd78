"""A contributor works on their own drafts and those shared with them, never on other people's:
every way into another person's draft through the admin (and its preview) is refused."""

import pytest
from django.urls import reverse
from reversion.models import Version

from editorial.roles import CONTRIBUTOR
from events.models import Event
from newsroom.models import MediaItem
from publications.models import Publication
from tests.factories import (
    EventFactory,
    MediaItemFactory,
    PublicationFactory,
    SeriesFactory,
    logged_in,
    member_of,
)

from .test_revisions import admin_url, changeform_data, save_through_admin

PUBLICATIONS = "/admin/publications/publication/"


@pytest.fixture
def series(db):
    return SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")


@pytest.fixture
def colleague(db):
    return member_of(CONTRIBUTOR, username="colleague")


@pytest.fixture
def colleague_client(colleague):
    return logged_in(colleague)


@pytest.fixture
def theirs(series, colleague):
    return PublicationFactory(
        series=series, status="draft", title="Their draft", slug="their-draft", created_by=colleague
    )


@pytest.fixture
def mine(series, contributor):
    return PublicationFactory(
        series=series, status="draft", title="My draft", slug="my-draft", created_by=contributor
    )


def title_of(item):
    item.refresh_from_db()
    return item.title


# Another person's draft ---------------------------------------------------------------------


def test_contributor_cannot_open_or_save_another_persons_draft(
    contributor_client, editor_client, theirs
):
    url = admin_url(theirs, "change", theirs.pk)
    form = changeform_data(editor_client.get(url), title="Taken over")
    assert contributor_client.get(url).status_code == 403
    assert contributor_client.post(url, form).status_code == 403
    assert title_of(theirs) == "Their draft"


def test_contributor_cannot_delete_another_persons_draft(contributor_client, theirs):
    url = admin_url(theirs, "delete", theirs.pk)
    assert contributor_client.get(url).status_code == 403
    assert contributor_client.post(url, {"post": "yes"}).status_code == 403
    assert Publication.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize(
    ("action", "fields"),
    [
        ("export_csv", {}),
        ("bulk_add_category", {}),
        ("bulk_add_tag", {"name": "Existing", "apply": "yes"}),
    ],
)
def test_contributor_list_and_bulk_actions_on_another_persons_draft_get_403(
    contributor_client, theirs, mine, action, fields
):
    from taggit.models import Tag

    Tag.objects.create(name="Existing")
    data = {"action": action, "_selected_action": [str(theirs.pk), str(mine.pk)], **fields}
    assert contributor_client.post(PUBLICATIONS, data).status_code == 403
    assert not theirs.tags.exists() and not mine.tags.exists()


def test_contributor_cannot_see_history_compare_or_restore_another_persons_draft(
    contributor_client, colleague_client, theirs
):
    save_through_admin(colleague_client, theirs, title="Their second title")
    old = Version.objects.get_for_object(theirs).last()
    assert contributor_client.get(admin_url(theirs, "history", theirs.pk)).status_code == 403
    compare = reverse("admin:editorial_compare", args=["publications", "publication", theirs.pk])
    query = {"old": old.revision_id, "new": old.revision_id}
    assert contributor_client.get(compare, query).status_code == 403
    restore = admin_url(theirs, "revision", theirs.pk, old.pk)
    assert contributor_client.get(restore).status_code == 403
    forged = {"title": "Restored by someone else"}
    assert contributor_client.post(restore, forged).status_code == 403
    assert title_of(theirs) == "Their second title"


def test_contributor_cannot_preview_another_persons_draft(contributor_client, theirs, mine):
    assert contributor_client.get(theirs.get_absolute_url()).status_code == 403
    assert contributor_client.get(mine.get_absolute_url()).status_code == 200


def test_contributor_list_shows_own_shared_and_released_items_only(
    contributor_client, contributor, series, theirs, mine
):
    shared = PublicationFactory(series=series, status="review", title="Shared draft", code=None)
    shared.co_editors.add(contributor)
    PublicationFactory(series=series, title="Out already")
    listing = contributor_client.get(PUBLICATIONS)
    titles = {item.title for item in listing.context["cl"].result_list}
    assert titles == {"My draft", "Shared draft", "Out already"}


def test_contributor_cannot_open_another_persons_event_or_media_item(contributor_client, colleague):
    event = EventFactory(status="draft", created_by=colleague)
    item = MediaItemFactory(
        kind="speeches", body="<p>The speech.</p>", status="draft", created_by=colleague
    )
    for obj in (event, item):
        assert contributor_client.get(admin_url(obj, "change", obj.pk)).status_code == 403
        assert contributor_client.get(obj.get_absolute_url()).status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()
    assert MediaItem.objects.filter(pk=item.pk).exists()


# Own and shared drafts -----------------------------------------------------------------------


def test_contributor_edits_own_draft_and_shares_it(contributor_client, colleague, mine):
    save_through_admin(contributor_client, mine, title="My better title", co_editors=[colleague.pk])
    mine.refresh_from_db()
    assert mine.title == "My better title"
    assert list(mine.co_editors.all()) == [colleague]


def test_co_editor_edits_a_shared_draft_but_not_who_it_is_shared_with(
    contributor_client, colleague_client, contributor, colleague, series
):
    draft = PublicationFactory(
        series=series, status="draft", code=None, title="Joint draft", created_by=colleague
    )
    draft.co_editors.add(contributor)
    url = admin_url(draft, "change", draft.pk)
    page = contributor_client.get(url)
    assert page.status_code == 200
    assert "co_editors" not in page.context["adminform"].form.fields
    data = changeform_data(page, title="Joint draft, revised", co_editors=[])
    assert contributor_client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Joint draft, revised"
    assert list(draft.co_editors.all()) == [contributor]
    assert contributor_client.get(draft.get_absolute_url()).status_code == 200


def test_new_item_belongs_to_whoever_wrote_it(contributor_client, contributor, series):
    from tests.publications.test_admin import publication_form

    response = contributor_client.post(f"{PUBLICATIONS}add/", publication_form(series, tags=""))
    assert response.status_code == 302
    item = Publication.objects.get()
    assert item.created_by == contributor
    assert contributor_client.get(admin_url(item, "change", item.pk)).status_code == 200


# Editors -------------------------------------------------------------------------------------


def test_editor_edits_anyones_draft(editor_client, theirs):
    save_through_admin(editor_client, theirs, title="Edited by an editor")
    assert title_of(theirs) == "Edited by an editor"
    listing = editor_client.get(PUBLICATIONS)
    assert theirs in listing.context["cl"].result_list
    assert editor_client.get(theirs.get_absolute_url()).status_code == 200


def test_dashboard_lists_only_what_a_contributor_may_open(
    contributor_client, editor_client, series, colleague, mine
):
    PublicationFactory(
        series=series, status="review", code=None, title="Their review", created_by=colleague
    )
    mine.status = "review"
    mine.save()
    panels = {p["title"]: p for p in contributor_client.get("/admin/").context["dashboard"]}
    assert [row.title for row in panels["Awaiting review"]["rows"]] == ["My draft"]
    panels = {p["title"]: p for p in editor_client.get("/admin/").context["dashboard"]}
    assert {row.title for row in panels["Awaiting review"]["rows"]} == {"My draft", "Their review"}


def test_contributor_may_only_choose_existing_tags_in_the_form(contributor_client, mine):
    from taggit.models import Tag

    Tag.objects.create(name="ASEAN", slug="asean")
    url = admin_url(mine, "change", mine.pk)

    refused = contributor_client.post(
        url, changeform_data(contributor_client.get(url), tags="asean, Brand New Tag")
    )
    assert refused.status_code == 200
    assert "There is no tag “Brand New Tag”" in refused.content.decode()
    assert not Tag.objects.filter(name__iexact="brand new tag").exists()

    saved = contributor_client.post(url, changeform_data(contributor_client.get(url), tags="asean"))
    assert saved.status_code == 302
    assert [tag.name for tag in mine.tags.all()] == ["ASEAN"]
    assert Tag.objects.filter(name__iexact="asean").count() == 1


def test_editors_may_add_new_tags_in_the_form(editor_client, mine):
    from taggit.models import Tag

    url = admin_url(mine, "change", mine.pk)
    data = changeform_data(editor_client.get(url), tags="Brand New Tag, Another")
    saved = editor_client.post(url, data)

    assert saved.status_code == 302
    assert set(Tag.objects.values_list("name", flat=True)) == {"Brand New Tag", "Another"}


def test_restoring_an_old_version_keeps_the_author_and_who_it_is_shared_with(
    contributor, contributor_client, colleague, colleague_client, editor_client, mine
):
    mine.co_editors.add(colleague)
    save_through_admin(contributor_client, mine, title="Shared once")  # a version shared
    mine.co_editors.remove(colleague)
    save_through_admin(contributor_client, mine, title="No longer shared")
    old = Version.objects.get_for_object(mine).filter(revision__comment__isnull=False)
    shared_version = next(v for v in old if v.field_dict["title"] == "Shared once")
    restore = admin_url(mine, "revision", mine.pk, shared_version.pk)

    # The colleague, no longer sharing it, cannot restore at all; an editor's restore brings
    # the text back but neither the sharing nor another author.
    assert colleague_client.get(restore).status_code == 403
    page = editor_client.get(restore)
    assert editor_client.post(restore, changeform_data(page)).status_code == 302

    mine.refresh_from_db()
    assert mine.title == "Shared once"
    assert mine.created_by == contributor
    assert list(mine.co_editors.all()) == []


def test_contributor_cannot_compare_versions_of_another_persons_deleted_draft(
    contributor_client, colleague_client, editor_client, theirs
):
    from .test_revisions import delete_through_admin

    save_through_admin(colleague_client, theirs, title="Their second title")
    versions = list(Version.objects.get_for_object(theirs))
    delete_through_admin(editor_client, theirs)
    compare = reverse("admin:editorial_compare", args=["publications", "publication", theirs.pk])
    query = {"old": versions[-1].revision_id, "new": versions[0].revision_id}

    assert contributor_client.get(compare, query).status_code == 403
    assert colleague_client.get(compare, query).status_code == 200
