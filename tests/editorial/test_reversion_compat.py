"""Each use of django-reversion's private parts (``editorial.reversion_compat``), checked against
the installed version: if an upgrade renames or changes one of them, this file says which."""

import inspect

import pytest
import reversion
from django.contrib import admin
from django.db.models.signals import post_save
from reversion.admin import VersionAdmin
from reversion.models import Version

from editorial import reversion_compat as compat
from editorial.versioning import separate_revision
from publications.models import Publication

from ..factories import CategoryFactory, PublicationFactory, UserFactory
from .test_revisions import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored_version():
    """A publication with two categories, saved in a revision, then changed since."""
    maritime, china = CategoryFactory(name="Maritime"), CategoryFactory(name="China")
    publication = PublicationFactory(title="Stored title")
    with reversion.create_revision():
        publication.categories.set([maritime, china])
        reversion.add_to_revision(publication)
    Publication.objects.filter(pk=publication.pk).update(title="Changed since")
    publication.categories.set([maritime])
    return Version.objects.get_for_object(publication).get(), maritime, china


def test_a_version_tells_its_model(stored_version):
    version, _maritime, _china = stored_version
    assert compat.version_model(version) is Publication


def test_a_version_gives_the_item_as_stored(stored_version):
    version, maritime, china = stored_version
    item = compat.stored_object(version)
    assert isinstance(item, Publication) and item.title == "Stored title"
    assert compat.stored(version).object is item  # made once per Version
    assert sorted(compat.stored_m2m(version)["categories"]) == sorted([maritime.pk, china.pk])
    assert Publication.objects.get(pk=item.pk).title == "Changed since"  # nothing saved


def test_changes_to_the_stored_item_are_what_revert_writes(stored_version):
    version, maritime, china = stored_version
    compat.stored_object(version).title = "Kept title"
    compat.stored_m2m(version)["categories"] = [china.pk]
    version.revert()
    publication = Publication.objects.get(pk=version.object_id)
    assert publication.title == "Kept title"
    assert list(publication.categories.values_list("pk", flat=True)) == [china.pk]


def test_followed_names_the_registered_relations():
    assert compat.followed(Publication) == ("authorships", "tagged_items")


def test_outside_current_revisions_hides_and_gives_back_the_revision_being_recorded():
    with reversion.create_revision():
        assert reversion.is_active()
        with compat.outside_current_revisions():
            assert not reversion.is_active()
        assert reversion.is_active()
    assert not reversion.is_active()


def test_a_separate_revision_inside_another_is_saved_on_its_own():
    user = UserFactory()
    first, second = PublicationFactory(), PublicationFactory()
    with reversion.create_revision():
        reversion.add_to_revision(first)
        with separate_revision(user, "Alone"):
            reversion.add_to_revision(second)
    alone = Version.objects.get_for_object(second).get().revision
    assert alone.comment == "Alone" and alone.user == user
    assert [v.object_id for v in alone.version_set.all()] == [str(second.pk)]
    outer = Version.objects.get_for_object(first).get().revision
    assert outer.pk != alone.pk


def test_mute_signals_silences_the_given_signals():
    heard = []

    def listen(sender, **kwargs):
        heard.append(sender)

    post_save.connect(listen, sender=Publication, weak=False)
    try:
        with compat.mute_signals(post_save):
            PublicationFactory()
        assert heard == []
        PublicationFactory()
        assert heard == [Publication]
    finally:
        post_save.disconnect(listen, sender=Publication)


def test_the_revision_form_hook_overrides_django_reversions_own_method():
    name = "_reversion_revisionform_view"
    own = getattr(VersionAdmin, name)
    assert inspect.signature(own) == inspect.signature(getattr(compat.RevisionFormViewHook, name))
    model_admin = admin.site._registry[Publication]
    assert getattr(type(model_admin), name) is getattr(compat.RevisionFormViewHook, name)


def test_the_restore_page_goes_through_the_hook(staff_client, stored_version, monkeypatch):
    version, _maritime, _china = stored_version
    model_admin = admin.site._registry[Publication]
    seen = []
    original = type(model_admin).revision_form_view

    def spy(self, request, version, template_name, extra_context=None):
        seen.append(version.pk)
        return original(self, request, version, template_name, extra_context)

    monkeypatch.setattr(type(model_admin), "revision_form_view", spy)
    publication = Publication.objects.get(pk=version.object_id)
    page = staff_client.get(admin_url(publication, "revision", publication.pk, version.pk))
    assert page.status_code == 200
    assert seen == [version.pk]
    assert Publication.objects.get(pk=publication.pk).title == "Changed since"  # only shown
