"""The menu item form shows the fields of the item's kind only: a content page its summary and
text, a section link its section, a link to another website its address. The other kinds'
fields stay in the page, hidden, for the script to show when the kind is changed; saving
neither checks nor changes them."""

import re

import pytest

from navigation.models import MenuItem
from tests.factories import MenuItemFactory

ADD_URL = "/admin/navigation/menuitem/add/"
SCRIPT = "navigation/menu_item_kind.js"


def change_url(item):
    return f"/admin/navigation/menuitem/{item.pk}/change/"


def fieldsets(html):
    """``{fieldset heading: (hidden?, [field names])}`` of the kinds' fieldsets."""
    found = {}
    for match in re.finditer(r'<fieldset class="module aligned ([^"]*)".*?</fieldset>', html, re.S):
        classes, block = match.group(1).split(), match.group(0)
        if "menu-kind" not in classes:
            continue
        heading = re.search(r'class="fieldset-heading">([^<]+)<', block).group(1)
        names = re.findall(r'<div class="form-row[^"]* field-([a-z_]+)', block)
        found[heading] = ("hidden" in classes, names)
    return found


def shown(html):
    return sorted(
        name for hidden, names in fieldsets(html).values() if not hidden for name in names
    )


@pytest.mark.parametrize(
    ("kind", "fields"),
    [("page", ["body", "summary"]), ("section", ["section"]), ("url", ["url"])],
)
def test_the_form_shows_only_the_fields_of_the_items_kind(administrator_client, kind, fields):
    item = MenuItemFactory(
        kind=kind, section="core:home" if kind == "section" else "", url="https://www.ntu.edu.sg/"
    )
    html = administrator_client.get(change_url(item)).content.decode()
    assert shown(html) == fields
    # Every kind's fields are in the page, for the script to show.
    assert fieldsets(html) == {
        "Content page": (kind != "page", ["summary", "body"]),
        "Section link": (kind != "section", ["section"]),
        "Link to another website": (kind != "url", ["url"]),
    }
    assert SCRIPT in html


def test_a_new_item_is_a_content_page_unless_another_kind_is_asked_for(administrator_client):
    assert shown(administrator_client.get(ADD_URL).content.decode()) == ["body", "summary"]
    assert shown(administrator_client.get(f"{ADD_URL}?kind=url").content.decode()) == ["url"]
    # An unknown kind in the address falls back to a content page.
    assert shown(administrator_client.get(f"{ADD_URL}?kind=<x>").content.decode()) == [
        "body",
        "summary",
    ]


def test_a_form_sent_back_with_errors_shows_the_kind_that_was_sent(administrator_client):
    response = administrator_client.post(
        ADD_URL, {"title": "NTU", "slug": "ntu", "kind": "url", "_position": "last-child"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter the address of the outside page." in html
    assert shown(html) == ["url"]


def test_the_hidden_fields_are_neither_checked_nor_changed(administrator_client):
    item = MenuItemFactory(
        title="NTU", slug="ntu", kind="url", url="https://www.ntu.edu.sg/", body="<p>Old text</p>"
    )
    response = administrator_client.post(
        change_url(item),
        {
            "title": "NTU",
            "slug": "ntu",
            "kind": "url",
            "published": "on",
            "url": "https://www.ntu.edu.sg/about/",
            # Left in the hidden fields: not a valid section, and another text.
            "section": "no-such-section",
            "body": "<p>Typed while it was hidden</p>",
            "_position": "last-child",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    item.refresh_from_db()
    assert (item.url, item.section, item.body) == (
        "https://www.ntu.edu.sg/about/",
        "",
        "<p>Old text</p>",
    )


def test_changing_the_kind_saves_the_new_kinds_fields(administrator_client):
    item = MenuItemFactory(title="Events", slug="events-link", kind="page")
    response = administrator_client.post(
        change_url(item),
        {
            "title": "Events",
            "slug": "events-link",
            "kind": "url",
            "published": "on",
            "url": "https://www.example.org/events/",
            "_position": "last-child",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    item.refresh_from_db()
    assert (item.kind, item.url) == (MenuItem.Kind.URL, "https://www.example.org/events/")
    assert item.body.startswith("<p>Body of")  # kept, should it become a page again


def test_the_visible_kinds_fields_are_still_checked(administrator_client):
    item = MenuItemFactory(title="Home", slug="home-link", kind="section", section="core:home")
    response = administrator_client.post(
        change_url(item),
        {"title": "Home", "slug": "home-link", "kind": "section", "section": "",
         "_position": "last-child"},
    )  # fmt: skip
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["section"] == [
        "Choose the site section this item links to."
    ]
