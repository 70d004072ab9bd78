"""Recovering a deleted item: it comes back whole (its home-page feature, the "related" links
other items had to it, its own links) but as a draft, with its series code, until an editor
publishes it again; the recovery is in the item's history and the activity list."""

import pytest
from django.urls import reverse
from reversion.models import Revision, Version

from events.models import Event
from newsroom.models import MediaItem
from publications.models import HomeFeature, IssuedCode, Publication

from ..factories import (
    AuthorshipFactory,
    CategoryFactory,
    EventFactory,
    MediaItemFactory,
    PersonFactory,
    PublicationFactory,
    SeriesFactory,
)
from .test_revisions import changeform_data, delete_through_admin

pytestmark = pytest.mark.django_db

PUBLICATIONS = "/admin/publications/publication/"


@pytest.fixture
def series(db):
    return SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")


@pytest.fixture
def linked(series):
    """A featured publication with links both ways: it names another item as related, and
    another publication and an event name it."""
    item = PublicationFactory(series=series, title="Ports and Power", code="CO21113")
    item.categories.add(CategoryFactory(name="Maritime"))
    AuthorshipFactory(publication=item, person=PersonFactory(name="Tan Ah Kow"))
    named = PublicationFactory(series=series, title="Named by it")
    naming = PublicationFactory(series=series, title="Names it")
    event = EventFactory(title="Book launch")
    item.related.add(named)
    naming.related.add(item)
    event.related_publications.add(item)
    HomeFeature.objects.create(publication=item, order=3)
    return {"item": item, "named": named, "naming": naming, "event": event}


def recover(client, model, pk, **changes):
    deleted = Version.objects.get_deleted(model).get(object_id=str(pk))
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_recover", args=[deleted.pk])
    page = client.get(url)
    assert page.status_code == 200
    return page, client.post(url, changeform_data(page, **changes))


def test_recovered_publication_gets_its_feature_and_links_back_as_a_draft(
    editor_client, editor, visitor, linked
):
    item, pk, code = linked["item"], linked["item"].pk, linked["item"].code
    url = item.get_absolute_url()
    delete_through_admin(editor_client, item)
    assert not HomeFeature.objects.exists()
    assert not linked["naming"].related.exists()
    assert not linked["event"].related_publications.exists()

    # Even a form sent with "published" brings it back as a draft.
    page, response = recover(editor_client, Publication, pk, status="published")
    assert "status" not in page.context["adminform"].form.fields
    assert response.status_code == 302

    recovered = Publication.objects.get(pk=pk)
    assert (recovered.status, recovered.code) == ("draft", code)
    assert HomeFeature.objects.get().publication_id == pk
    assert HomeFeature.objects.get().order == 3
    assert list(recovered.related.all()) == [linked["named"]]
    assert list(linked["naming"].related.all()) == [recovered]
    assert list(linked["event"].related_publications.all()) == [recovered]

    # Not public until an editor publishes it again.
    assert visitor.get(url).status_code == 404
    assert visitor.get(f"/p/{code}/").status_code == 404
    feed = visitor.get("/feeds/publications/rss/")
    assert feed.status_code == 200 and b"Named by it" in feed.content
    assert b"Ports and Power" not in feed.content
    assert "Ports and Power" not in visitor.get("/search/", {"q": "Ports"}).content.decode()
    assert "Ports and Power" not in visitor.get("/").content.decode()

    # The recovery is in the history and the activity list.
    revision = Revision.objects.order_by("-pk").first()
    assert revision.user == editor
    assert revision.comment.startswith("Recovered as a draft from the version of ")
    activity = editor_client.get("/admin/reversion/revision/").content.decode()
    assert "Recovered as a draft" in activity

    # Published again, it keeps its code and its place on the home page.
    response = editor_client.post(
        PUBLICATIONS, {"action": "publish_now", "_selected_action": [str(pk)]}
    )
    assert response.status_code == 302
    recovered.refresh_from_db()
    assert (recovered.status, recovered.code) == ("published", code)
    assert IssuedCode.objects.filter(code__startswith="CO21").count() == 1
    assert visitor.get(url).status_code == 200
    assert visitor.get(f"/p/{code}/").status_code == 301
    home = visitor.get("/")
    assert "Ports and Power" in home.content.decode()


def test_links_to_items_deleted_since_are_left_out(editor_client, linked):
    pk = linked["item"].pk
    delete_through_admin(editor_client, linked["item"])
    delete_through_admin(editor_client, linked["naming"])
    _, response = recover(editor_client, Publication, pk)
    assert response.status_code == 302
    assert list(linked["event"].related_publications.values_list("pk", flat=True)) == [pk]
    assert HomeFeature.objects.get().publication_id == pk


def test_restoring_an_old_version_leaves_features_and_links_alone(editor_client, linked):
    from .test_revisions import save_through_admin

    item = linked["item"]
    save_through_admin(editor_client, item, title="Old title")
    old = Version.objects.get_for_object(item).get()
    save_through_admin(editor_client, item, title="New title")
    HomeFeature.objects.filter(publication=item).update(order=7)
    url = reverse("admin:publications_publication_revision", args=[item.pk, old.pk])
    page = editor_client.get(url)
    assert editor_client.post(url, changeform_data(page)).status_code == 302
    item.refresh_from_db()
    assert (item.title, item.status) == ("Old title", "published")
    assert HomeFeature.objects.get().order == 7
    assert list(linked["naming"].related.all()) == [item]


def test_recovered_event_and_media_item_come_back_as_drafts(editor_client, visitor):
    event = EventFactory(title="Maritime dialogue", slug="maritime-dialogue")
    item = MediaItemFactory(kind="speeches", body="<p>Words.</p>", title="A speech")
    urls = [event.get_absolute_url(), item.get_absolute_url()]
    for obj in (event, item):
        delete_through_admin(editor_client, obj)

    _, response = recover(editor_client, Event, event.pk, status="published")
    assert response.status_code == 302
    _, response = recover(editor_client, MediaItem, item.pk, status="published")
    assert response.status_code == 302

    assert Event.objects.get(pk=event.pk).status == "draft"
    assert MediaItem.objects.get(pk=item.pk).status == "draft"
    for url in urls:
        assert visitor.get(url).status_code == 404


def test_a_contributor_recovering_their_draft_does_not_touch_other_items(
    contributor, contributor_client, editor_client, linked
):
    item = linked["item"]
    Publication.objects.filter(pk=item.pk).update(status="draft", created_by=contributor)
    item.refresh_from_db()
    delete_through_admin(editor_client, item)

    _, response = recover(contributor_client, Publication, item.pk)

    assert response.status_code == 302
    assert Publication.objects.filter(pk=item.pk, status="draft").exists()
    assert not HomeFeature.objects.filter(publication_id=item.pk).exists()
    assert not linked["naming"].related.filter(pk=item.pk).exists()
    assert not linked["event"].related_publications.filter(pk=item.pk).exists()
