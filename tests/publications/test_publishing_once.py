"""Publishing from the admin's form is one call: the row is saved once, its search entry is
written once and the content generation starts once, however the item was edited."""

import pytest
from django.db.models.signals import post_save

import core.content_cache
import search.signals
from publications.models import Publication
from search.indexing import Kind
from tests.editorial.test_revisions import admin_url, changeform_data
from tests.factories import AuthorshipFactory, CategoryFactory, PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(commentaries, author):
    publication = PublicationFactory(series=commentaries, status=Publication.Status.DRAFT)
    publication.categories.set([CategoryFactory()])
    publication.tags.set(["ASEAN"])
    AuthorshipFactory(publication=publication, person=author, order=0)
    return publication


@pytest.fixture
def counted(monkeypatch):
    """Counts, while the test runs: saves of a publication, search entries written for one,
    new content generations."""
    counts = {"saves": [], "indexed": [], "generations": 0}

    def saved(sender, instance, **kwargs):
        counts["saves"].append(instance.pk)

    post_save.connect(saved, sender=Publication, weak=False, dispatch_uid="test:saves")
    index_items = search.signals.index_items

    def indexing(kind, pks):
        if kind == Kind.PUBLICATION:
            counts["indexed"] += [int(pk) for pk in pks]
        return index_items(kind, pks)

    monkeypatch.setattr(search.signals, "index_items", indexing)
    new_generation = core.content_cache._new_generation

    def generation(*args, **kwargs):
        counts["generations"] += 1
        return new_generation(*args, **kwargs)

    monkeypatch.setattr(core.content_cache, "_new_generation", generation)
    yield counts
    post_save.disconnect(sender=Publication, dispatch_uid="test:saves")


def test_publishing_a_draft_from_the_form_saves_indexes_and_bumps_once(
    staff_client, draft, counted, django_capture_on_commit_callbacks
):
    url = admin_url(draft, "change", draft.pk)
    data = changeform_data(staff_client.get(url), status="published")
    counted.update(saves=[], indexed=[], generations=0)

    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        response = staff_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    draft.refresh_from_db()
    assert draft.status == Publication.Status.PUBLISHED and draft.code
    assert counted["saves"] == [draft.pk]
    assert counted["indexed"] == [draft.pk]
    assert counted["generations"] == 1  # the generation starts once now...
    # ...and once more after the commit, in one callback; the other queues subscribers' alerts.
    assert sorted(callback.__name__ for callback in after_commit) == ["_committed", "enqueue"]


def test_publishing_a_new_item_from_the_form_saves_it_once(
    staff_client, commentaries, author, counted
):
    from tests.publications.test_admin import ADD_URL, publication_form

    data = publication_form(commentaries, author, status="published")
    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    item = Publication.objects.get(slug="ports-and-power")
    assert item.code == f"CO{item.publication_date:%y}001"
    assert counted["saves"] == [item.pk]
