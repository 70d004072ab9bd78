import re

import pytest
from django.utils.html import escape

from navigation import demo
from navigation.menu import get_menu
from navigation.models import MenuItem
from tests.factories import MenuItemFactory

pytestmark = pytest.mark.django_db


def menu_html(html):
    return re.search(r'<ul class="menu" id="main-menu">.*?</nav>', html, re.S).group(0)


def test_demo_menu_renders_every_label_of_the_reference_menu(client, demo_content):
    html = menu_html(client.get("/").content.decode())

    in_menu = [title for _, _, title, options in demo.walk() if options.get("show_in_menu", True)]
    assert len(in_menu) == 94
    for title in in_menu:
        assert f">{escape(title)}</a>" in html, title


def test_demo_menu_nests_three_levels(demo_content):
    menu = get_menu()
    about = menu.page_for_path("about-rsis")
    staff = menu.match("/staff/")
    centres = menu.page_for_path("research/research-centres")

    assert [n.title for n in menu.roots][:3] == ["Home", "About RSIS", "Research"]
    assert staff.title == "Staff Profiles"
    assert staff.parent_id == about.id
    assert [(n.title, n.url) for n in staff.children][:2] == [
        ("Executive Deputy Chairman’s Office", "/staff/executive-deputy-chairmans-office/"),
        ("Dean’s Office", "/staff/deans-office/"),
    ]
    assert [n.url for n in centres.children] == [
        "/research/cms/",
        "/research/nts-centre/",
        "/research/cens/",
        "/research/idss/",
        "/research/icpvtr/",
    ]


def test_menu_panel_is_a_keyboard_disclosure(client, about_section):
    html = client.get("/").content.decode()
    about = about_section["about"]

    assert (
        f'<button class="menu__toggle" type="button" aria-expanded="false" '
        f'aria-controls="menu-panel-{about.pk}">'
    ) in html
    assert f'<div class="menu__panel" id="menu-panel-{about.pk}">' in html
    assert '<button class="menu-button" type="button" aria-expanded="false"' in html


def test_warm_menu_costs_no_query(client, about_section, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(0):
        response = client.get("/")
    assert response.status_code == 200
    assert ">Welcome Message</a>" in response.content.decode()


def test_home_query_count_independent_of_menu_size(
    client, about_section, django_assert_max_num_queries
):
    for _ in range(200):
        MenuItemFactory(parent=about_section["about"])
    # Cold caches: site settings, social and footer links; menu items and the sections they
    # may link to; the home page's publications, events and media highlights.
    with django_assert_max_num_queries(16):
        client.get("/")
    with django_assert_max_num_queries(0):
        client.get("/")


def admin_change_data(item, **changes):
    data = {
        "title": item.title,
        "slug": item.slug,
        "parent": item.parent_id or "",
        "kind": item.kind,
        "published": "on" if item.published else "",
        "show_in_menu": "on" if item.show_in_menu else "",
        "summary": item.summary,
        "body": item.body,
        "section": item.section,
        "url": item.url,
        "_position": "last-child",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_saving_an_item_in_the_admin_refreshes_the_menu(visitor, staff_client, about_section):
    intro = about_section["intro"]
    assert ">Introduction</a>" in visitor.get("/").content.decode()

    response = staff_client.post(
        f"/admin/navigation/menuitem/{intro.pk}/change/",
        admin_change_data(intro, title="Who We Are"),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    html = visitor.get("/").content.decode()
    assert ">Who We Are</a>" in html
    assert ">Introduction</a>" not in html


def test_moving_an_item_by_drag_and_drop_refreshes_the_menu(visitor, staff_client, about_section):
    intro, welcome = about_section["intro"], about_section["welcome"]
    visitor.get("/")

    response = staff_client.post(
        "/admin/navigation/menuitem/",
        {"cmd": "move_node", "cut_item": welcome.pk, "pasted_on": intro.pk, "position": "left"},
    )

    assert response.content == b"OK, moved."
    html = visitor.get("/about-rsis/").content.decode()
    assert html.index(">Welcome Message</a>") < html.index(">Introduction</a>")
    about = get_menu().page_for_path("about-rsis")
    assert [c.title for c in about.children] == ["Welcome Message", "Introduction"]


def test_deleting_an_item_in_the_admin_refreshes_the_menu(visitor, staff_client, about_section):
    welcome = about_section["welcome"]
    visitor.get("/")

    response = staff_client.post(
        f"/admin/navigation/menuitem/{welcome.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert ">Welcome Message</a>" not in visitor.get("/").content.decode()
    assert visitor.get("/about-rsis/welcome-message/").status_code == 404


def test_admin_tree_changelist_and_add_form_render(staff_client, about_section):
    changelist = staff_client.get("/admin/navigation/menuitem/")
    add_form = staff_client.get("/admin/navigation/menuitem/add/")

    assert changelist.status_code == 200
    assert "Welcome Message" in changelist.content.decode()
    assert add_form.status_code == 200
    assert 'name="body"' in add_form.content.decode()


def test_admin_rejects_an_address_used_by_another_section(staff_client, about_section):
    response = staff_client.post(
        "/admin/navigation/menuitem/add/",
        {"title": "Search", "slug": "search", "kind": "page", "published": "on",
         "_position": "last-child"},
    )  # fmt: skip

    assert response.status_code == 200
    assert "The address /search/ is already used by another part of the site." in (
        response.content.decode()
    )
    assert not MenuItem.objects.filter(slug="search").exists()


def test_admin_rejects_a_duplicate_slug_among_siblings(staff_client, about_section):
    response = staff_client.post(
        "/admin/navigation/menuitem/add/",
        {"title": "Intro again", "slug": "introduction", "kind": "page", "published": "on",
         "parent": about_section["about"].pk, "_position": "last-child"},
    )  # fmt: skip

    assert response.status_code == 200
    assert "Another item at this level already has this address." in response.content.decode()
    assert MenuItem.objects.filter(slug="introduction").count() == 1


def test_section_link_requires_a_section_and_outside_link_a_url(staff_client, about_section):
    response = staff_client.post(
        "/admin/navigation/menuitem/add/",
        {"title": "Nowhere", "slug": "nowhere", "kind": "section", "_position": "last-child"},
    )
    assert "Choose the site section this item links to." in response.content.decode()

    response = staff_client.post(
        "/admin/navigation/menuitem/add/",
        {"title": "Away", "slug": "away", "kind": "url", "_position": "last-child"},
    )
    assert "Enter the address of the outside page." in response.content.decode()
    assert not MenuItem.objects.filter(slug__in=["nowhere", "away"]).exists()
