"""Items that move leave their old addresses leading to them; withdrawn items answer 410."""

from contextlib import contextmanager

from django.contrib.admin.utils import quote
from django.db import connection
from django.db.models.signals import post_save, pre_save
from django.test.utils import CaptureQueriesContext

from navigation.models import MenuItem
from publications import services as publishing
from publications.models import Publication
from redirects.models import Redirect
from tests.editorial.test_revisions import admin_url, changeform_data, save_through_admin
from tests.factories import PublicationFactory

LAVROV = "/publications/commentaries/russia-and-asean/"


def kept():
    """``{old address: (answer, where it leads now)}`` of every redirect."""
    return {r.old_path: (r.status, r.target_url()) for r in Redirect.objects.all()}


def test_slug_changed_in_the_admin_form_leaves_a_301(staff_client, visitor, lavrov):
    save_through_admin(staff_client, lavrov, slug="russia-and-southeast-asia")

    response = visitor.get(LAVROV)

    assert response.status_code == 301
    assert response["Location"] == "/publications/commentaries/russia-and-southeast-asia/"
    redirect = Redirect.objects.get()
    assert (redirect.target, redirect.source) == (lavrov, "moved")
    assert visitor.get(response["Location"]).status_code == 200


def test_series_changed_in_the_admin_form_leaves_a_301(
    staff_client, visitor, lavrov, policy_reports
):
    save_through_admin(staff_client, lavrov, series=str(policy_reports.pk))

    assert visitor.get(LAVROV)["Location"] == "/publications/policy-reports/russia-and-asean/"


def test_moving_back_removes_the_redirect_of_the_live_address(staff_client, visitor, lavrov):
    save_through_admin(staff_client, lavrov, slug="renamed")
    save_through_admin(staff_client, Publication.objects.get(pk=lavrov.pk), slug="russia-and-asean")

    assert kept() == {"/publications/commentaries/renamed/": (301, LAVROV)}
    assert visitor.get(LAVROV).status_code == 200
    assert visitor.get("/publications/commentaries/renamed/")["Location"] == LAVROV


def test_an_earlier_redirect_follows_the_item_to_its_new_address(staff_client, visitor, lavrov):
    save_through_admin(staff_client, lavrov, slug="first-move")
    save_through_admin(staff_client, Publication.objects.get(pk=lavrov.pk), slug="second-move")

    new = "/publications/commentaries/second-move/"
    assert visitor.get(LAVROV)["Location"] == new
    assert visitor.get("/publications/commentaries/first-move/")["Location"] == new


def test_renaming_a_series_moves_its_page_and_its_public_items(
    staff_client, visitor, lavrov, commentaries
):
    draft = PublicationFactory(series=commentaries, slug="draft-item", status="draft")
    save_through_admin(staff_client, commentaries, slug="rsis-commentaries")

    assert kept() == {
        "/publications/commentaries/": (301, "/publications/rsis-commentaries/"),
        LAVROV: (301, "/publications/rsis-commentaries/russia-and-asean/"),
    }
    assert visitor.get("/publications/commentaries/russia-and-asean/").status_code == 301
    assert visitor.get(draft.get_absolute_url()).status_code == 404


def test_a_draft_renamed_leaves_nothing(staff_client, commentaries):
    draft = PublicationFactory(series=commentaries, slug="draft-item", status="draft")
    save_through_admin(staff_client, draft, slug="still-a-draft")
    assert not Redirect.objects.exists()


def test_withdrawn_item_answers_410_and_200_again_once_republished(visitor, lavrov):
    publishing.publication_withdraw(publication=lavrov)

    response = visitor.get(LAVROV)
    assert response.status_code == 410
    assert kept() == {LAVROV: (410, None)}
    assert Redirect.objects.get().source == "withdrawn"

    publishing.publication_publish(publication=lavrov)
    assert visitor.get(LAVROV).status_code == 200
    assert not Redirect.objects.exists()


def test_withdrawn_from_the_admin_list_answers_410(staff_client, visitor, lavrov):
    response = staff_client.post(
        admin_url(lavrov, "changelist"),
        {"action": "withdraw", "_selected_action": [lavrov.pk]},
    )
    assert response.status_code == 302
    assert visitor.get(LAVROV).status_code == 410


def test_an_edit_that_moves_nothing_costs_one_query_more(lavrov):
    def queries_of_a_save():
        lavrov.title += "!"
        with CaptureQueriesContext(connection) as captured:
            lavrov.save()
        return len(captured)

    tracked = queries_of_a_save()
    uid = "redirects:publications.Publication"
    with muted(pre_save, f"{uid}:before"), muted(post_save, f"{uid}:after"):
        untracked = queries_of_a_save()

    assert tracked == untracked + 1  # reading the item as it was
    assert not Redirect.objects.exists()


@contextmanager
def muted(signal, dispatch_uid):
    receivers = signal.receivers
    signal.receivers = [r for r in receivers if r[0][0] != dispatch_uid]
    signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        signal.receivers = receivers
        signal.sender_receivers_cache.clear()


# Menu pages ---------------------------------------------------------------------------------


def menu_change(staff_client, item, **changes):
    url = admin_url(item, "change", quote(item.pk))
    data = changeform_data(staff_client.get(url), **changes)
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_menu_page_renamed_moves_its_pages_too(staff_client, visitor, pages):
    menu_change(staff_client, pages["about"], slug="about-us")

    assert kept() == {
        "/about-rsis/": (301, "/about-us/"),
        "/about-rsis/introduction/": (301, "/about-us/introduction/"),
        "/about-rsis/introduction/team/": (301, "/about-us/introduction/team/"),
    }
    assert visitor.get("/about-rsis/introduction/team/")["Location"] == (
        "/about-us/introduction/team/"
    )
    assert visitor.get("/about-us/introduction/team/").status_code == 200


def test_menu_page_moved_in_its_form_leaves_301s(staff_client, visitor, pages):
    menu_change(staff_client, pages["intro"], parent=str(pages["research"].pk))

    assert kept() == {
        "/about-rsis/introduction/": (301, "/research-areas/introduction/"),
        "/about-rsis/introduction/team/": (301, "/research-areas/introduction/team/"),
    }
    assert visitor.get("/about-rsis/introduction/team/").status_code == 301
    assert visitor.get("/research-areas/introduction/team/").status_code == 200


def test_menu_page_dragged_and_dropped_leaves_301s(staff_client, visitor, pages):
    response = staff_client.post(
        "/admin/navigation/menuitem/",
        {
            "cmd": "move_node",
            "cut_item": pages["intro"].pk,
            "pasted_on": pages["research"].pk,
            "position": "last-child",
        },
    )

    assert response.content == b"OK, moved."
    assert MenuItem.objects.get(pk=pages["intro"].pk).parent_id == pages["research"].pk
    assert kept() == {
        "/about-rsis/introduction/": (301, "/research-areas/introduction/"),
        "/about-rsis/introduction/team/": (301, "/research-areas/introduction/team/"),
    }
    assert visitor.get("/about-rsis/introduction/")["Location"] == "/research-areas/introduction/"


def test_menu_page_dragged_beside_a_top_level_page_leaves_301s(staff_client, pages):
    staff_client.post(
        "/admin/navigation/menuitem/",
        {
            "cmd": "move_node",
            "cut_item": pages["team"].pk,
            "pasted_on": pages["research"].pk,
            "position": "right",
        },
    )
    assert kept() == {"/about-rsis/introduction/team/": (301, "/team/")}


def test_menu_page_reordered_among_its_siblings_leaves_nothing(staff_client, pages):
    staff_client.post(
        "/admin/navigation/menuitem/",
        {
            "cmd": "move_node",
            "cut_item": pages["research"].pk,
            "pasted_on": pages["about"].pk,
            "position": "left",
        },
    )
    menu_change(staff_client, pages["intro"], title="Who we are")
    assert not Redirect.objects.exists()


def test_unpublished_menu_page_leaves_nothing(staff_client, pages):
    menu_change(staff_client, pages["intro"], published=None)
    assert not Redirect.objects.exists()


def test_menu_page_moved_back_is_live_again(staff_client, visitor, pages):
    menu_change(staff_client, pages["intro"], slug="who-we-are")
    menu_change(staff_client, MenuItem.objects.get(pk=pages["intro"].pk), slug="introduction")

    assert set(kept()) == {"/about-rsis/who-we-are/", "/about-rsis/who-we-are/team/"}
    assert visitor.get("/about-rsis/introduction/team/").status_code == 200
