"""Restoring an old version is safe: it brings back the item of the page and nothing else,
obeys the roles, runs the pre-publish check when it makes an item public again, and never
changes a publication's series code.

Everything goes through the admin's own pages, as an editor or a contributor would use them.
"""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Revision, Version
from taggit.models import Tag

from events.models import EventSpeaker
from publications.models import Authorship, IssuedCode, Publication

from ..factories import (
    AuthorshipFactory,
    CategoryFactory,
    EventFactory,
    EventSpeakerFactory,
    PersonFactory,
    PublicationFactory,
    SeriesFactory,
)
from .test_revisions import admin_url, changeform_data, delete_through_admin, save_through_admin

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/publications/publication/"


def shared_revision(user, *items):
    """One revision holding several items, as bulk changes and tag merges recorded them
    before each item got a revision of its own (and as old histories still contain)."""
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment("Added category “Maritime” (bulk)")
        for item in items:
            reversion.add_to_revision(item)
    return Revision.objects.order_by("-pk").first()


def version_in(revision, item):
    return revision.version_set.get(
        content_type__model=item._meta.model_name, object_id=str(item.pk)
    )


def withdraw(client, item):
    response = client.post(CHANGELIST, {"action": "withdraw", "_selected_action": [item.pk]})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "withdrawn"


def restore(client, item, version, **changes):
    """Open the restore page of ``version`` and send its form (unchanged unless told)."""
    url = admin_url(item, "revision", item.pk, version.pk)
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, changeform_data(page, **changes))


def authors_of(item):
    return list(
        Authorship.objects.filter(publication=item).order_by("order").values_list("person__name")
    )


@pytest.fixture
def maritime(db):
    return CategoryFactory(name="Maritime", slug="maritime")


@pytest.fixture
def series(db):
    return SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")


def complete(item, category, author="Tan Ah Kow"):
    item.categories.add(category)
    AuthorshipFactory(publication=item, person=PersonFactory(name=author), order=0)
    return item


# 1. A contributor cannot use a restore to change or re-publish what is not theirs to change --


def test_contributor_restoring_own_draft_from_a_shared_revision_does_not_republish_another(
    editor, editor_client, contributor, contributor_client, maritime
):
    draft = complete(
        PublicationFactory(status="draft", code=None, published_at=None, created_by=contributor),
        maritime,
    )
    public = complete(PublicationFactory(title="Public item"), maritime, author="Bo Second")
    revision = shared_revision(editor, draft, public)
    withdraw(editor_client, public)

    response = restore(contributor_client, draft, version_in(revision, draft))

    assert response.status_code == 302
    public.refresh_from_db()
    assert public.status == "withdrawn"


def test_contributor_may_not_restore_a_published_state(editor_client, contributor_client, maritime):
    item = complete(PublicationFactory(), maritime)
    save_through_admin(editor_client, item)  # a version with the item published
    published_version = Version.objects.get_for_object(item).get()
    save_through_admin(editor_client, item, status="draft")  # back in the contributors' hands

    url = admin_url(item, "revision", item.pk, published_version.pk)
    assert contributor_client.get(url).status_code == 403
    page = editor_client.get(url)  # the editor's page, sent by the contributor
    assert contributor_client.post(url, changeform_data(page, status="draft")).status_code == 403
    item.refresh_from_db()
    assert item.status == "draft"


def test_contributor_may_not_restore_an_item_that_is_public_now(
    editor_client, contributor_client, maritime
):
    item = complete(PublicationFactory(status="draft", code=None, published_at=None), maritime)
    save_through_admin(editor_client, item, title="Draft title")
    draft_version = Version.objects.get_for_object(item).get()
    save_through_admin(editor_client, item, title="Published title", status="published")

    url = admin_url(item, "revision", item.pk, draft_version.pk)
    assert contributor_client.get(url).status_code == 403
    page = editor_client.get(url)
    assert contributor_client.post(url, changeform_data(page)).status_code == 403
    item.refresh_from_db()
    assert (item.title, item.status) == ("Published title", "published")


# 2. Restoring one item never changes another stored in the same revision ---------------------


def test_restoring_an_item_from_a_shared_revision_leaves_the_other_items_alone(
    editor, editor_client, maritime
):
    first = complete(PublicationFactory(title="First, old title"), maritime)
    second = complete(PublicationFactory(title="Second, old title"), maritime, "Bo Second")
    revision = shared_revision(editor, first, second)
    save_through_admin(editor_client, first, title="First, new title")
    save_through_admin(editor_client, second, title="Second, new title")
    # New authors on both since the shared revision.
    AuthorshipFactory(publication=first, person=PersonFactory(name="Cy First"), order=1)
    AuthorshipFactory(publication=second, person=PersonFactory(name="Cy Second"), order=1)

    response = restore(editor_client, first, version_in(revision, first))

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.title == "First, old title"
    assert authors_of(first) == [("Tan Ah Kow",)]  # the author added since is gone, as before
    assert second.title == "Second, new title"
    assert authors_of(second) == [("Bo Second",), ("Cy Second",)]
    # The new revision names the restored item only.
    newest = Revision.objects.order_by("-pk").first()
    assert newest.get_comment().startswith("Reverted to previous")
    assert not newest.version_set.filter(
        content_type__model="publication", object_id=str(second.pk)
    ).exists()


def test_restoring_an_event_from_a_shared_revision_leaves_the_other_events_speakers(
    editor, editor_client
):
    first, second = EventFactory(title="First event"), EventFactory(title="Second event")
    EventSpeakerFactory(event=first, person=PersonFactory(name="Ann First"), order=1)
    EventSpeakerFactory(event=second, person=PersonFactory(name="Bo Second"), order=1)
    revision = shared_revision(editor, first, second)
    EventSpeakerFactory(event=first, person=PersonFactory(name="Cy First"), order=2)
    EventSpeakerFactory(event=second, person=PersonFactory(name="Cy Second"), order=2)
    second.title = "Second event, renamed"
    second.save()

    assert restore(editor_client, first, version_in(revision, first)).status_code == 302

    def speakers(event):
        return [s.display_name for s in EventSpeaker.objects.filter(event=event).order_by("order")]

    assert speakers(first) == ["Ann First"]
    assert speakers(second) == ["Bo Second", "Cy Second"]
    second.refresh_from_db()
    assert second.title == "Second event, renamed"


def test_looking_at_a_version_from_a_shared_revision_changes_nothing(
    editor, editor_client, maritime
):
    first = complete(PublicationFactory(title="First, old"), maritime)
    second = complete(PublicationFactory(title="Second, old"), maritime)
    revision = shared_revision(editor, first, second)
    save_through_admin(editor_client, second, title="Second, new")
    url = admin_url(first, "revision", first.pk, version_in(revision, first).pk)
    assert editor_client.get(url).status_code == 200
    second.refresh_from_db()
    assert second.title == "Second, new"


def test_bulk_changes_record_one_revision_per_item(editor, editor_client, maritime):
    items = [PublicationFactory(status="draft", code=None, published_at=None) for _ in range(3)]
    data = {"action": "bulk_add_category", "_selected_action": [str(i.pk) for i in items]}
    assert editor_client.post(CHANGELIST, data).status_code == 200
    response = editor_client.post(CHANGELIST, {**data, "choice": maritime.pk, "apply": "yes"})
    assert response.status_code == 302

    revisions = {Version.objects.get_for_object(item).get().revision for item in items}
    assert len(revisions) == 3
    for revision in revisions:
        assert revision.user == editor
        assert revision.comment == "Added category “Maritime” (bulk)"
        assert revision.version_set.filter(content_type__model="publication").count() == 1


def test_tag_merges_record_one_revision_per_item(editor, staff_client):
    items = [PublicationFactory() for _ in range(2)]
    for item in items:
        item.tags.set(["Asean"])
    items[0].tags.add("ASEAN")
    tags = Tag.objects.filter(name__in=["ASEAN", "Asean"])
    data = {"action": "merge_selected", "_selected_action": [str(t.pk) for t in tags]}
    keep = Tag.objects.get(name="ASEAN")
    response = staff_client.post("/admin/taggit/tag/", {**data, "keep": keep.pk, "apply": "yes"})
    assert response.status_code == 302

    revisions = {Version.objects.get_for_object(item).get().revision for item in items}
    assert len(revisions) == 2
    for revision in revisions:
        assert revision.comment == "Merged tag(s) “Asean” into “ASEAN”"
        assert revision.version_set.filter(content_type__model="publication").count() == 1


def test_items_deleted_together_are_recovered_one_at_a_time(editor_client, maritime):
    first = complete(PublicationFactory(title="First"), maritime)
    second = complete(PublicationFactory(title="Second"), maritime, "Bo Second")
    pks = [first.pk, second.pk]
    data = {"action": "delete_selected", "_selected_action": pks, "post": "yes"}
    assert editor_client.post(CHANGELIST, data).status_code == 302
    assert not Publication.objects.filter(pk__in=pks).exists()

    deleted = Version.objects.get_deleted(Publication).get(object_id=str(first.pk))
    assert deleted.revision.version_set.filter(content_type__model="publication").count() == 1
    url = reverse("admin:publications_publication_recover", args=[deleted.pk])
    assert editor_client.post(url, changeform_data(editor_client.get(url))).status_code == 302

    assert Publication.objects.get(pk=first.pk).title == "First"
    assert authors_of(first) == [("Tan Ah Kow",)]
    assert not Publication.objects.filter(pk=second.pk).exists()


# 3. A restore that makes an item public again goes through the pre-publish check -------------


@pytest.fixture
def withdrawn_with_published_version(editor_client, maritime):
    item = complete(PublicationFactory(title="Ports and Power"), maritime)
    save_through_admin(editor_client, item)
    version = Version.objects.get_for_object(item).get()
    withdraw(editor_client, item)
    return item, version


def test_restoring_a_published_version_without_categories_is_refused(
    editor_client, withdrawn_with_published_version
):
    item, version = withdrawn_with_published_version
    # The same edit on the normal page is refused...
    page = editor_client.get(admin_url(item, "change", item.pk))
    refused = editor_client.post(
        admin_url(item, "change", item.pk),
        changeform_data(page, status="published", categories=[]),
    )
    assert refused.status_code == 200
    # ... and so it is when restoring the published version.
    response = restore(editor_client, item, version, categories=[])

    assert response.status_code == 200
    assert "categories" in response.context["adminform"].form.errors
    item.refresh_from_db()
    assert item.status == "withdrawn"
    assert item.categories.count() == 1


def test_restoring_a_published_version_with_a_synopsis_too_long_is_refused(
    editor_client, withdrawn_with_published_version
):
    item, version = withdrawn_with_published_version
    response = restore(editor_client, item, version, synopsis="x" * 900)

    assert response.status_code == 200
    assert "synopsis" in response.context["adminform"].form.errors
    item.refresh_from_db()
    assert item.status == "withdrawn"


def test_restoring_a_complete_published_version_publishes_again(
    editor_client, withdrawn_with_published_version
):
    item, version = withdrawn_with_published_version
    assert restore(editor_client, item, version).status_code == 302
    item.refresh_from_db()
    assert item.status == "published"


# 4. A restore never changes the series code ---------------------------------------------------


def test_restoring_a_version_from_before_publication_keeps_the_code(
    editor_client, visitor, series, maritime
):
    item = complete(
        PublicationFactory(series=series, status="draft", code=None, published_at=None), maritime
    )
    save_through_admin(editor_client, item)
    draft_version = Version.objects.get_for_object(item).get()
    save_through_admin(editor_client, item, status="published")
    item.refresh_from_db()
    code = item.code
    assert code == "CO21001"

    assert restore(editor_client, item, draft_version).status_code == 302
    item.refresh_from_db()
    assert (item.status, item.code) == ("draft", code)

    save_through_admin(editor_client, item, status="published")
    item.refresh_from_db()
    assert item.code == code
    assert IssuedCode.objects.filter(code__startswith="CO21").count() == 1
    assert visitor.get(f"/p/{code}/").status_code == 301


def test_recovering_a_deleted_item_from_a_version_before_publication_takes_back_its_code(
    editor_client, series, maritime
):
    item = complete(
        PublicationFactory(series=series, status="draft", code=None, published_at=None), maritime
    )
    save_through_admin(editor_client, item)
    draft_version = Version.objects.get_for_object(item).get()
    save_through_admin(editor_client, item, status="published")
    item.refresh_from_db()
    code, pk = item.code, item.pk
    delete_through_admin(editor_client, item)
    assert IssuedCode.objects.get(code=code).publication_id is None

    url = reverse("admin:publications_publication_recover", args=[draft_version.pk])
    response = editor_client.post(url, changeform_data(editor_client.get(url)))

    assert response.status_code == 302
    recovered = Publication.objects.get(pk=pk)
    assert (recovered.status, recovered.code) == ("draft", code)
    assert IssuedCode.objects.get(code=code).publication_id == pk


def test_recovering_a_deleted_published_item_takes_back_its_code_as_a_draft(
    editor_client, series, maritime
):
    item = complete(
        PublicationFactory(series=series, status="draft", code=None, published_at=None), maritime
    )
    save_through_admin(editor_client, item, status="published")
    item.refresh_from_db()
    code, pk = item.code, item.pk
    delete_through_admin(editor_client, item)
    deleted = Version.objects.get_deleted(Publication).get()

    url = reverse("admin:publications_publication_recover", args=[deleted.pk])
    response = editor_client.post(url, changeform_data(editor_client.get(url)))

    assert response.status_code == 302
    recovered = Publication.objects.get(pk=pk)
    assert (recovered.status, recovered.code) == ("draft", code)
    assert IssuedCode.objects.get(code=code).publication_id == pk


def test_publish_and_withdraw_from_the_list_record_one_revision_per_item(editor_client):
    from reversion.models import Version

    from publications.models import Publication
    from tests.factories import CategoryFactory, PublicationFactory

    drafts = [PublicationFactory(status="draft", published_at=None) for _ in range(2)]
    for draft in drafts:
        draft.categories.add(CategoryFactory())
    pks = [str(draft.pk) for draft in drafts]
    url = "/admin/publications/publication/"
    for action in ("publish_now", "withdraw"):
        editor_client.post(url, {"action": action, "_selected_action": pks})
    assert set(Publication.objects.values_list("status", flat=True)) == {"withdrawn"}
    for draft in drafts:
        revisions = {v.revision for v in Version.objects.get_for_object(draft)}
        assert len(revisions) == 2
        for revision in revisions:
            assert {v.object_id for v in revision.version_set.all()} == {str(draft.pk)}
