"""Pages become content pages in the menu tree; menus on request."""

import pytest

from navigation.models import MenuItem

from .export import Post, export

pytestmark = pytest.mark.django_db


def tree():
    return export(
        [
            # A child before its parent in the file, and siblings out of order.
            Post(31, "Governance", post_type="page", slug="governance", parent=30, menu_order=2),
            Post(30, "About RSIS", post_type="page", slug="about-rsis", content="About us."),
            Post(32, "Introduction", post_type="page", slug="introduction", parent=30,
                 menu_order=1),
            Post(33, "Hidden draft", post_type="page", slug="hidden", status="draft"),
            Post(40, "Main menu: About", post_type="nav_menu_item", status="publish",
                 menus=(("main", "Main"),), menu_order=1,
                 meta={"_menu_item_type": "post_type", "_menu_item_object": "page",
                       "_menu_item_object_id": "30", "_menu_item_menu_item_parent": "0"}),
            Post(41, "NTU", post_type="nav_menu_item", status="publish",
                 menus=(("main", "Main"),), menu_order=2,
                 meta={"_menu_item_type": "custom", "_menu_item_url": "https://www.ntu.edu.sg/",
                       "_menu_item_menu_item_parent": "40"}),
        ]
    )  # fmt: skip


def test_pages_keep_their_parent_and_order(run_import, visitor):
    run_import(tree())
    about = MenuItem.objects.get(slug="about-rsis")
    assert [c.slug for c in about.get_children()] == ["introduction", "governance"]
    assert visitor.get("/about-rsis/governance/").status_code == 200
    assert "About us." in visitor.get("/about-rsis/").content.decode()
    assert visitor.get("/hidden/").status_code == 404
    # Without --menus, imported pages stay out of the mega-menu.
    assert not about.show_in_menu
    assert not MenuItem.objects.filter(kind=MenuItem.Kind.URL).exists()


def test_menus_on_request_show_the_pages_and_add_their_links(run_import):
    run_import(tree(), "--menus")
    about = MenuItem.objects.get(slug="about-rsis")
    assert about.show_in_menu
    link = MenuItem.objects.get(kind=MenuItem.Kind.URL)
    assert (link.title, link.url, link.parent) == ("NTU", "https://www.ntu.edu.sg/", about)
    run_import(tree(), "--menus")
    assert MenuItem.objects.filter(kind=MenuItem.Kind.URL).count() == 1


def test_a_page_whose_address_belongs_to_the_site_is_renamed(run_import, visitor):
    output = run_import(export([Post(1, "Publications", post_type="page", slug="publications")]))
    page = MenuItem.objects.get(title="Publications")
    assert page.slug != "publications"
    assert "renamed" in output
    assert visitor.get("/?page_id=1")["Location"] == page.get_absolute_url()


def test_a_page_moved_on_the_old_site_moves_here_and_orphans_are_reported(run_import, visitor):
    pages = [
        Post(30, "About RSIS", post_type="page", slug="about-rsis"),
        Post(31, "Governance", post_type="page", slug="governance", parent=30),
        Post(50, "Lost child", post_type="page", slug="lost", parent=999),
    ]
    output = run_import(export(pages))
    assert "page 50 “Lost child”: its parent page 999 was not imported" in output
    assert MenuItem.objects.get(slug="lost").parent is None
    pages[1] = Post(31, "Governance", post_type="page", slug="board", parent=0)
    run_import(export(pages))
    board = MenuItem.objects.get(title="Governance")
    assert (board.parent, board.slug) == (None, "board")
    response = visitor.get("/about-rsis/governance/")
    assert response.status_code == 301 and response["Location"] == "/board/"
