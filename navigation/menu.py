"""The navigation tree as plain data, built once per content generation.

Everything public about the menu goes through ``get_menu()``: the mega-menu HTML, content-page
lookup by address, breadcrumbs and section menus. On a warm cache none of it touches the database.
"""

import logging
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from core.content_cache import memo

from .sections import section_urls

logger = logging.getLogger(__name__)

MARK = ' data-mid="{}"'


@dataclass
class Node:
    id: int
    title: str
    summary: str
    kind: str
    url: str
    parent_id: int | None
    depth: int
    in_menu: bool
    path: str = ""
    children: list = field(default_factory=list)

    @property
    def is_external(self):
        return self.kind == "url"

    @property
    def menu_children(self):
        return [child for child in self.children if child.in_menu]


@dataclass
class Menu:
    nodes: dict
    roots: list
    by_path: dict
    by_url: dict
    html: str = ""

    def get(self, node_id):
        return self.nodes.get(node_id)

    def page_for_path(self, path):
        """The content-page node published at ``path`` (``about-rsis/introduction``), or None."""
        return self.by_path.get(path)

    def ancestors(self, node):
        chain = []
        while node.parent_id is not None:
            node = self.nodes[node.parent_id]
            chain.append(node)
        return chain[::-1]

    def section_of(self, node):
        """The items to list beside a page: its own children if it has any, else its siblings."""
        if node.menu_children:
            return node, node.menu_children
        if node.parent_id is None:
            return node, []
        parent = self.nodes[node.parent_id]
        return parent, parent.menu_children

    def match(self, path):
        """The node that best represents the URL ``path``: exact match, else longest prefix."""
        node_id = self.by_url.get(path)
        while node_id is None and path not in ("", "/"):
            path = path.rstrip("/").rpartition("/")[0] + "/"
            node_id = self.by_url.get(path) if path != "/" else None
        return self.nodes.get(node_id) if node_id else None

    def trail(self, path):
        """Breadcrumb nodes leading to the URL ``path`` (the current page itself excluded)."""
        node = self.match(path)
        if node is None:
            return []
        chain = self.ancestors(node)
        return chain if node.url == path else [*chain, node]

    def marked_html(self, current):
        """The cached mega-menu with the current item and its ancestors marked."""
        if current is None:
            return self.html
        html = self.html
        for ancestor in self.ancestors(current):
            mark = MARK.format(ancestor.id)
            html = html.replace(mark, mark + " data-active", 1)
        mark = MARK.format(current.id)
        return html.replace(mark, mark + ' data-active aria-current="page"', 1)


def _node_url(item, path, sections):
    if item.kind == "page":
        return f"/{path}/"
    if item.kind == "url":
        return item.url
    if item.section not in sections:
        logger.warning("Menu item %s links to unknown section %r", item.pk, item.section)
        return None
    return sections[item.section]


def build_menu():
    from .models import MenuItem

    items = MenuItem.objects.only(
        "id", "parent_id", "title", "slug", "summary", "kind", "section", "url", "level",
        "published", "show_in_menu", "tree_id", "lft",
    ).order_by("tree_id", "lft")  # fmt: skip
    sections = section_urls()
    nodes, roots, by_path, by_url = {}, [], {}, {}
    for item in items:
        if not item.published:
            continue
        parent = nodes.get(item.parent_id) if item.parent_id else None
        if item.parent_id and parent is None:
            continue  # under an unpublished (or skipped) ancestor
        path = f"{parent.path}/{item.slug}" if parent else item.slug
        url = _node_url(item, path, sections)
        if url is None:
            continue
        node = Node(
            id=item.pk,
            title=item.title,
            summary=item.summary,
            kind=item.kind,
            url=url,
            parent_id=item.parent_id,
            depth=item.level,
            in_menu=item.show_in_menu and (parent is None or parent.in_menu),
            path=path,
        )
        nodes[node.id] = node
        (parent.children if parent else roots).append(node)
        if item.kind == "page":
            by_path[path] = node
        if not node.is_external:
            by_url.setdefault(url, node.id)
    menu = Menu(nodes=nodes, roots=roots, by_path=by_path, by_url=by_url)
    menu.html = render_to_string("navigation/includes/mega_menu.html", {"menu": menu})
    return menu


def get_menu():
    return memo("menu", build_menu)
