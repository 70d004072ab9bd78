"""Revisions through the admin: who saved what, restore an old version, recover a deletion,
compare two versions; the menu and category trees stay valid throughout."""

import pytest
from django.contrib.admin.utils import quote
from django.forms import CheckboxInput, MultiWidget
from django.urls import reverse
from reversion.models import Revision, Version
from taggit.models import Tag, TaggedItem

from events.models import Event, EventSpeaker
from navigation.models import MenuItem
from publications.models import Authorship, Category, Publication

from ..factories import (
    AuthorshipFactory,
    CategoryFactory,
    EventFactory,
    EventSpeakerFactory,
    MenuItemFactory,
    PersonFactory,
    PublicationFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db


# Helpers: the admin's own form, filled in from the page as a browser would --------------------


def _widget_values(name, widget, value, data):
    if isinstance(widget, MultiWidget):
        parts = value if isinstance(value, (list, tuple)) else widget.decompress(value)
        for index, (sub, part) in enumerate(zip(widget.widgets, parts, strict=False)):
            _widget_values(f"{name}_{index}", sub, part, data)
        return
    if isinstance(widget, CheckboxInput):
        if value:
            data[name] = "on"
        return
    if getattr(widget, "allow_multiple_selected", False):
        data[name] = [str(v) for v in (value or [])]
        return
    if getattr(widget, "input_type", None) == "file":
        return
    formatted = widget.format_value(value)
    data[name] = "" if formatted is None else formatted


def _form_values(form, data):
    for name, field in form.fields.items():
        bound = form[name]
        widget = field.widget
        widget = getattr(widget, "widget", widget)  # the admin wraps related-field widgets
        _widget_values(bound.html_name, widget, bound.value(), data)


def changeform_data(response, **changes):
    """The POST a browser would send from this admin form, with ``changes`` applied."""
    data = {}
    _form_values(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _form_values(formset.management_form, data)
        for form in formset.forms:
            _form_values(form, data)
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def admin_url(obj, view, *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def save_through_admin(client, obj, **changes):
    url = admin_url(obj, "change", quote(obj.pk))
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, changeform_data(page, **changes))
    assert response.status_code == 302, getattr(response, "context", None) and [
        response.context["adminform"].form.errors,
        [f.errors for i in response.context["inline_admin_formsets"] for f in i.formset.forms],
    ]
    return response


def delete_through_admin(client, obj):
    url = admin_url(obj, "delete", quote(obj.pk))
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not type(obj).objects.filter(pk=obj.pk).exists()


def _positions(model):
    rows = list(model.objects.order_by("pk").values_list("pk", "lft", "rght", "tree_id", "level"))
    ranks = {tree_id: rank for rank, tree_id in enumerate(sorted({r[3] for r in rows}))}
    return [(pk, lft, rght, ranks[tree_id], level) for pk, lft, rght, tree_id, level in rows]


def tree_is_valid(model):
    """mptt's own rebuild, from the parent links, moves nothing (the trees' numbers may have
    gaps, as after any deletion: only their order counts)."""
    before = _positions(model)
    model._tree_manager.rebuild()
    return _positions(model) == before


def inside_parent(node):
    node.refresh_from_db()
    if node.parent_id is None:
        return node.level == 0
    parent = type(node).objects.get(pk=node.parent_id)
    return (
        node.tree_id == parent.tree_id
        and parent.lft < node.lft < node.rght < parent.rght
        and node.level == parent.level + 1
    )


@pytest.fixture
def publication(db):
    """A publication with two authors (in order), two categories and two tags."""
    publication = PublicationFactory(title="Old title", body="<p>Old body.</p>")
    first, second = PersonFactory(name="Ann First"), PersonFactory(name="Bo Second")
    AuthorshipFactory(publication=publication, person=first, order=1)
    AuthorshipFactory(publication=publication, person=second, order=2)
    publication.categories.set([CategoryFactory(name="Maritime"), CategoryFactory(name="China")])
    publication.tags.set(["ASEAN", "South China Sea"])
    return publication


def authors_of(publication_pk):
    return list(
        Authorship.objects.filter(publication_id=publication_pk)
        .order_by("order")
        .values_list("order", "person__name")
    )


# Saving records who, when and what -----------------------------------------------------------


def test_saving_a_publication_through_the_admin_records_a_revision_with_the_user(
    staff_client, publication
):
    save_through_admin(staff_client, publication, title="New title")

    revision = Revision.objects.get()
    assert revision.user.is_superuser
    versions = {(v.content_type.model, v.object_repr) for v in revision.version_set.all()}
    publication.refresh_from_db()
    name = str(publication)
    assert name.endswith("New title")
    assert ("publication", name) in versions
    assert ("authorship", "Ann First") in versions and ("authorship", "Bo Second") in versions
    assert {r for m, r in versions if m == "taggeditem"} == {
        f"{name} tagged with ASEAN",
        f"{name} tagged with South China Sea",
    }
    stored = Version.objects.get_for_object(publication).get()
    assert stored.field_dict["title"] == "New title"
    assert sorted(stored.field_dict["categories"]) == sorted(
        publication.categories.values_list("pk", flat=True)
    )
    history = staff_client.get(admin_url(publication, "history", publication.pk))
    assert history.status_code == 200
    assert b'name="old"' in history.content and b"Compare" in history.content


# Restoring an old version --------------------------------------------------------------------


def test_restoring_an_old_version_brings_back_title_body_categories_and_authors(
    staff_client, publication
):
    old_categories = set(publication.categories.values_list("pk", flat=True))
    save_through_admin(staff_client, publication)  # version 1: the state to come back to
    first_version = Version.objects.get_for_object(publication).get()
    newcomer = PersonFactory(name="Cy Third")
    page = staff_client.get(admin_url(publication, "change", publication.pk))
    data = changeform_data(
        page,
        title="Changed title",
        body="<p>Changed body.</p>",
        categories=[str(CategoryFactory(name="Europe").pk)],
        tags="Europe",
    )
    # The second author is replaced by a newcomer.
    data["authorships-1-person"] = str(newcomer.pk)
    assert (
        staff_client.post(admin_url(publication, "change", publication.pk), data).status_code == 302
    )
    publication.refresh_from_db()
    assert publication.title == "Changed title"
    assert authors_of(publication.pk) == [(1, "Ann First"), (2, "Cy Third")]

    revision_url = admin_url(publication, "revision", publication.pk, first_version.pk)
    preview = staff_client.get(revision_url)
    assert preview.status_code == 200
    assert b"Old title" in preview.content
    publication.refresh_from_db()
    assert publication.title == "Changed title"  # looking at a version changes nothing

    response = staff_client.post(revision_url, changeform_data(preview))
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.title == "Old title"
    assert publication.body == "<p>Old body.</p>"
    assert set(publication.categories.values_list("pk", flat=True)) == old_categories
    assert authors_of(publication.pk) == [(1, "Ann First"), (2, "Bo Second")]
    assert sorted(publication.tags.names()) == ["ASEAN", "South China Sea"]
    assert Revision.objects.order_by("-pk")[0].get_comment().startswith("Reverted to previous")


def test_restore_and_recover_refuse_a_version_of_another_kind_of_item(staff_client):
    series, category = SeriesFactory(), CategoryFactory()
    save_through_admin(staff_client, series)
    save_through_admin(staff_client, category)
    category_version = Version.objects.get_for_object(category).get()
    series_version = Version.objects.get_for_object(series).get()
    # A category's version offered to the series pages, under the series' number or its own.
    assert staff_client.get(admin_url(series, "recover", category_version.pk)).status_code == 404
    url = admin_url(series, "revision", category.pk, category_version.pk)
    assert staff_client.get(url).status_code == 404
    url = admin_url(series, "revision", series.pk, category_version.pk)
    assert staff_client.get(url).status_code == 404
    url = admin_url(series, "revision", series.pk, series_version.pk)
    assert staff_client.get(url).status_code == 200
    assert staff_client.get(admin_url(series, "recover", 999999)).status_code == 404


def test_revision_view_refuses_a_version_of_another_item(staff_client, publication):
    other = PublicationFactory()
    save_through_admin(staff_client, other)
    foreign = Version.objects.get_for_object(other).get()
    response = staff_client.get(admin_url(publication, "revision", publication.pk, foreign.pk))
    assert response.status_code == 404
    save_through_admin(staff_client, publication.series)
    series_version = Version.objects.get_for_object(publication.series).get()
    response = staff_client.get(admin_url(publication, "recover", series_version.pk))
    assert response.status_code == 404
    assert staff_client.get(admin_url(publication, "recover", 999999)).status_code == 404


# Recovering a deletion -----------------------------------------------------------------------


def test_deleted_publication_is_recovered_with_authors_categories_and_tags(
    staff_client, publication
):
    save_through_admin(staff_client, publication)
    pk = publication.pk
    categories = set(publication.categories.values_list("pk", flat=True))
    delete_through_admin(staff_client, publication)
    assert not Authorship.objects.filter(publication_id=pk).exists()
    assert not TaggedItem.objects.filter(object_id=pk).exists()

    listing = staff_client.get(reverse("admin:publications_publication_recoverlist"))
    assert listing.status_code == 200
    assert b"Old title" in listing.content
    deleted = Version.objects.get_deleted(Publication).get()
    recover_url = reverse("admin:publications_publication_recover", args=[deleted.pk])
    form = staff_client.get(recover_url)
    assert form.status_code == 200
    assert not Publication.objects.filter(pk=pk).exists()  # the form alone recovers nothing

    assert staff_client.post(recover_url, changeform_data(form)).status_code == 302
    recovered = Publication.objects.get(pk=pk)
    assert recovered.title == "Old title"
    assert authors_of(pk) == [(1, "Ann First"), (2, "Bo Second")]
    assert set(recovered.categories.values_list("pk", flat=True)) == categories
    assert sorted(recovered.tags.names()) == ["ASEAN", "South China Sea"]


def test_recovery_leaves_out_a_tag_deleted_since(staff_client, publication):
    save_through_admin(staff_client, publication)
    pk = publication.pk
    delete_through_admin(staff_client, publication)
    Tag.objects.filter(name="ASEAN").delete()
    deleted = Version.objects.get_deleted(Publication).get()
    recover_url = reverse("admin:publications_publication_recover", args=[deleted.pk])
    form = staff_client.get(recover_url)
    assert staff_client.post(recover_url, changeform_data(form)).status_code == 302
    assert list(Publication.objects.get(pk=pk).tags.names()) == ["South China Sea"]


def test_deleted_event_is_recovered_with_its_speakers(staff_client):
    event = EventFactory(title="Maritime dialogue")
    EventSpeakerFactory(event=event, person=PersonFactory(name="Ann First"), order=1)
    EventSpeakerFactory(event=event, person=None, name="Guest Speaker", order=2, role="Chair")
    save_through_admin(staff_client, event)
    pk = event.pk
    delete_through_admin(staff_client, event)
    assert not EventSpeaker.objects.filter(event_id=pk).exists()

    deleted = Version.objects.get_deleted(Event).get()
    recover_url = reverse("admin:events_event_recover", args=[deleted.pk])
    form = staff_client.get(recover_url)
    assert form.status_code == 200
    assert staff_client.post(recover_url, changeform_data(form)).status_code == 302
    assert Event.objects.get(pk=pk).title == "Maritime dialogue"
    speakers = EventSpeaker.objects.filter(event_id=pk).order_by("order")
    assert [(s.order, s.display_name, s.role) for s in speakers] == [
        (1, "Ann First", ""),
        (2, "Guest Speaker", "Chair"),
    ]


# The menu and category trees ------------------------------------------------------------------


@pytest.fixture
def menu(db):
    about = MenuItemFactory(title="About", slug="about")
    research = MenuItemFactory(title="Research", slug="research")
    intro = MenuItemFactory(title="Introduction", slug="introduction", parent=about)
    history = MenuItemFactory(title="History", slug="history", parent=about)
    MenuItemFactory(title="Centres", slug="centres", parent=research)
    return {"about": about, "research": research, "intro": intro, "history": history}


def test_menu_item_versions_leave_out_tree_positions(staff_client, menu):
    save_through_admin(staff_client, menu["intro"], title="Our introduction")
    data = Version.objects.get_for_object(menu["intro"]).get().field_dict
    assert data["title"] == "Our introduction"
    assert not {"lft", "rght", "tree_id", "level"} & set(data)


def test_restoring_a_menu_item_under_its_old_parent_keeps_a_valid_tree(staff_client, menu):
    intro = menu["intro"]
    save_through_admin(staff_client, intro)  # under "About"
    old = Version.objects.get_for_object(intro).get()
    save_through_admin(staff_client, intro, title="Moved intro", parent=str(menu["research"].pk))
    intro.refresh_from_db()
    assert intro.parent_id == menu["research"].pk

    url = admin_url(intro, "revision", intro.pk, old.pk)
    assert staff_client.get(url).status_code == 200
    assert tree_is_valid(MenuItem)  # the preview left nothing behind
    response = staff_client.post(url, changeform_data(staff_client.get(url)))
    assert response.status_code == 302
    intro.refresh_from_db()
    assert (intro.title, intro.parent_id) == ("Introduction", menu["about"].pk)
    assert inside_parent(intro)
    assert tree_is_valid(MenuItem)


def test_recovering_a_deleted_menu_item_brings_back_the_pages_under_it(staff_client, menu):
    about = menu["about"]
    save_through_admin(staff_client, about)
    delete_through_admin(staff_client, about)
    assert not MenuItem.objects.filter(title__in=["Introduction", "History"]).exists()
    assert tree_is_valid(MenuItem)

    deleted = Version.objects.get_deleted(MenuItem).get(object_id=str(about.pk))
    url = reverse("admin:navigation_menuitem_recover", args=[deleted.pk])
    response = staff_client.post(url, changeform_data(staff_client.get(url)))
    assert response.status_code == 302
    assert tree_is_valid(MenuItem)
    recovered = MenuItem.objects.get(pk=about.pk)
    assert {c.title for c in recovered.get_children()} == {"Introduction", "History"}
    for item in MenuItem.objects.all():
        assert inside_parent(item)


def test_menu_keeps_drag_and_drop_and_the_recover_link(staff_client, menu):
    page = staff_client.get(reverse("admin:navigation_menuitem_changelist"))
    assert page.status_code == 200
    assert b"draggable-admin.js" in page.content
    assert reverse("admin:navigation_menuitem_recoverlist").encode() in page.content

    response = staff_client.post(
        reverse("admin:navigation_menuitem_changelist"),
        {
            "cmd": "move_node",
            "cut_item": menu["history"].pk,
            "pasted_on": menu["research"].pk,
            "position": "last-child",
        },
    )
    assert response.content == b"OK, moved."
    assert inside_parent(menu["history"]) and menu["history"].parent_id == menu["research"].pk
    revision = Revision.objects.get()
    assert revision.comment == "Moved in the tree by drag and drop."
    assert tree_is_valid(MenuItem)


def test_restoring_a_category_keeps_a_valid_tree(staff_client):
    asia = CategoryFactory(name="Asia", slug="asia")
    europe = CategoryFactory(name="Europe", slug="europe")
    china = CategoryFactory(name="China", slug="china", parent=asia)
    CategoryFactory(name="India", slug="india", parent=asia)
    save_through_admin(staff_client, china)
    old = Version.objects.get_for_object(china).get()
    save_through_admin(staff_client, china, name="Zhongguo", parent=str(europe.pk))

    url = admin_url(china, "revision", china.pk, old.pk)
    response = staff_client.post(url, changeform_data(staff_client.get(url)))
    assert response.status_code == 302
    china.refresh_from_db()
    assert (china.name, china.parent_id) == ("China", asia.pk)
    assert inside_parent(china)
    assert [c.name for c in asia.get_children()] == ["China", "India"]  # kept in name order
    assert tree_is_valid(Category)


def test_recovering_a_menu_item_whose_parent_is_gone_shows_a_message(staff_client, menu):
    intro = menu["intro"]
    save_through_admin(staff_client, intro)
    delete_through_admin(staff_client, intro)
    MenuItem.objects.get(pk=menu["about"].pk).delete()
    deleted = Version.objects.get_deleted(MenuItem).get(object_id=str(intro.pk))
    url = reverse("admin:navigation_menuitem_recover", args=[deleted.pk])
    response = staff_client.get(url, follow=True)
    assert response.status_code == 200
    assert "could not" in " ".join(str(m) for m in response.context["messages"]).lower()
    assert not MenuItem.objects.filter(pk=intro.pk).exists()
    assert tree_is_valid(MenuItem)


# Comparing two versions ------------------------------------------------------------------------


def compare_url(obj, old, new):
    opts = obj._meta
    url = reverse("admin:editorial_compare", args=[opts.app_label, opts.model_name, obj.pk])
    return f"{url}?old={old}&new={new}"


def two_versions(client, publication, **changes):
    save_through_admin(client, publication)
    save_through_admin(client, publication, **changes)
    newer, older = Version.objects.get_for_object(publication).order_by("-pk")[:2]
    return older, newer


def test_compare_shows_a_changed_title_word_by_word(staff_client, publication):
    older, newer = two_versions(staff_client, publication, title="Old title, revised")
    response = staff_client.get(compare_url(publication, older.revision_id, newer.revision_id))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<del>title</del>" in html
    assert "<ins>title, revised</ins>" in html
    restore = admin_url(publication, "revision", publication.pk, older.pk)
    assert f'href="{restore}"' in html


def test_compare_escapes_html_in_values(staff_client, publication):
    older, newer = two_versions(
        staff_client, publication, synopsis='<script>alert("x")</script> A new synopsis'
    )
    response = staff_client.get(compare_url(publication, newer.revision_id, older.revision_id))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_compare_lists_added_and_removed_categories_authors_and_tags(staff_client, publication):
    save_through_admin(staff_client, publication)
    page = staff_client.get(admin_url(publication, "change", publication.pk))
    keep = publication.categories.get(name="Maritime")
    data = changeform_data(
        page, categories=[str(keep.pk), str(CategoryFactory(name="Europe").pk)], tags="ASEAN, EU"
    )
    data["authorships-1-DELETE"] = "on"
    assert (
        staff_client.post(admin_url(publication, "change", publication.pk), data).status_code == 302
    )
    newer, older = Version.objects.get_for_object(publication).order_by("-pk")[:2]

    response = staff_client.get(compare_url(publication, older.revision_id, newer.revision_id))
    html = response.content.decode()
    assert "Removed: China" in html and "Added: Europe" in html
    assert '<li class="removed">Bo Second</li>' in html
    assert '<li class="added">EU</li>' in html
    assert '<li class="removed">South China Sea</li>' in html


@pytest.mark.parametrize(
    "query",
    ["old=999999&new=999998", "old=abc&new=1", "old=&new=", "", "old=1"],
)
def test_compare_with_bogus_ids_is_not_found(staff_client, publication, query):
    two_versions(staff_client, publication, title="Another")
    opts = publication._meta
    url = reverse("admin:editorial_compare", args=[opts.app_label, opts.model_name, publication.pk])
    assert staff_client.get(f"{url}?{query}").status_code == 404


def test_compare_with_versions_of_another_item_is_not_found(staff_client, publication):
    older, _newer = two_versions(staff_client, publication, title="Another")
    other = PublicationFactory()
    save_through_admin(staff_client, other)
    foreign = Version.objects.get_for_object(other).get()
    assert (
        staff_client.get(
            compare_url(publication, older.revision_id, foreign.revision_id)
        ).status_code
        == 404
    )
    for args in [
        ("publications", "nosuchmodel", 1),
        ("nosuchapp", "thing", 1),
        ("auth", "permission", 1),
    ]:
        url = reverse("admin:editorial_compare", args=args)
        assert staff_client.get(f"{url}?old=1&new=2").status_code == 404
    url = reverse("admin:editorial_compare", args=["publications", "publication", "not-a-number"])
    assert (
        staff_client.get(f"{url}?old={older.revision_id}&new={older.revision_id}").status_code
        == 404
    )


def test_compare_needs_permission_on_the_model(staff_client, publication, contributor_client):
    older, newer = two_versions(staff_client, publication, title="Another")
    url = compare_url(publication.categories.first(), older.revision_id, newer.revision_id)
    # A contributor may view categories but has no versions of this category: not found.
    assert contributor_client.get(url).status_code == 404
    menu_item = MenuItemFactory()
    save_through_admin(staff_client, menu_item)
    save_through_admin(staff_client, menu_item, title="Renamed")
    newer, older = Version.objects.get_for_object(menu_item).order_by("-pk")[:2]
    url = compare_url(menu_item, older.revision_id, newer.revision_id)
    assert contributor_client.get(url).status_code == 403
    assert staff_client.get(url).status_code == 200
