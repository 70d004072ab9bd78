"""The demo navigation tree: every item of the reference site's menu, nested as there.

``menu.json`` holds the tree. Each item has a ``title`` and may set ``slug`` (else the slugified
title), ``kind``, ``section``, ``url``, ``show_in_menu``, ``summary`` and ``children``. An item
that opens an object of another app names it by slug: ``"section": "research:centre"`` with
``"section_slug": "cms"``; the caller says how such keys are resolved, so the menu needs none
of those apps. An item with a ``summary`` has its body in ``pages/<tree path>.html``; an item
was last updated on its ``updated`` date, or else on ``PAGES_UPDATED``, when the demo's pages
were last reviewed.
"""

from django.db import transaction
from django.utils.text import slugify

from core.demodata import demo_dated, demo_html, demo_json, demo_moment
from navigation.models import MenuItem

PAGES_UPDATED = "2025-06-02"


def walk(entries=None, parent_path=""):
    """Yield ``(path, parent_path, title, item)`` for every item, parents before children."""
    for item in demo_json(__name__, "menu.json") if entries is None else entries:
        slug = item.get("slug") or slugify(item["title"])
        path = f"{parent_path}/{slug}" if parent_path else slug
        yield path, parent_path, item["title"], item
        yield from walk(item.get("children", []), path)


def demo_pages():
    """The demo content of the menu's pages by tree path: ``{"summary": …, "body": …}``.

    Other apps' demos describe their objects with these pages (a centre with its menu page).
    """
    return {
        path: {"summary": item["summary"], "body": demo_html(__name__, f"pages/{path}.html")}
        for path, _, _, item in walk()
        if "summary" in item
    }


@transaction.atomic
def menu_load_demo(*, section_lookups, pages=None):
    """Create the demo menu items that do not exist yet; existing ones stay as editors made them.

    ``section_lookups`` maps a section key written with a slug (``"research:centre"``) to a
    callable giving the stored key of the object with that slug. Returns the number created.
    """
    pages = demo_pages() if pages is None else pages
    by_path = {}
    created = 0
    for path, parent_path, title, spec in walk():
        parent = by_path.get(parent_path)
        slug = path.rpartition("/")[2]
        item = MenuItem.objects.filter(parent=parent, slug=slug).first()
        if item is None:
            content = pages.get(path, {})
            section = spec.get("section", "")
            if "section_slug" in spec:
                section = section_lookups[section](spec["section_slug"])
            item = MenuItem(
                parent=parent,
                slug=slug,
                title=title,
                kind=spec.get("kind", MenuItem.Kind.PAGE),
                section=section,
                url=spec.get("url", ""),
                show_in_menu=spec.get("show_in_menu", True),
                summary=content.get("summary", ""),
                body=content.get("body", ""),
            )
            item.full_clean()
            item.save()
            demo_dated(MenuItem, item.pk, demo_moment(spec.get("updated", PAGES_UPDATED)))
            created += 1
        by_path[path] = item
    return created
